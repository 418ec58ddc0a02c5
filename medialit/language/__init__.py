"""Language tools shared by the scorers and the X-ray: words and lemmas, sentences, spans of text, and the
loaded-language lexicon (``find_loaded``)."""
