"""Language tools shared by the scorers and the X-ray: words and lemmas, spans of text."""
