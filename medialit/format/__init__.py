"""The lesson format: reading a lesson file safely, its models, messages for teachers, the library."""
