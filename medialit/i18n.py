"""Interface strings in French and English.

``tr(key, lang, **values)`` formats a message; a key missing in one language falls back to French,
and a test checks that every key exists in both. Scorers, pages and exports all use this table.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- scoring, shared
    "answer_please": {"fr": "Réponds d'abord à la question.", "en": "Please answer the question first."},
    "penalty_retry": {
        "fr": "{n} essai(s) précédent(s) : −{pts} pt",
        "en": "{n} earlier try/tries: −{pts} pt",
    },
    "penalty_hint": {"fr": "{n} indice(s) : −{pts} pt", "en": "{n} hint(s): −{pts} pt"},
    "penalty_then": {
        "fr": "Pénalités ({notes}) : {raw} → {final} pt.",
        "en": "Penalties ({notes}): {raw} → {final} pt.",
    },
    "unscored": {
        "fr": "Question sans points : ton avis compte, il n'y a pas de bonne réponse.",
        "en": "No points for this one: your view matters, there is no right answer.",
    },
    # --- choice
    "choice_pick_one": {"fr": "Choisis une réponse.", "en": "Choose an answer."},
    "choice_pick_some": {"fr": "Coche au moins une réponse.", "en": "Tick at least one answer."},
    "choice_single_how": {
        "fr": "Bonne réponse : {pts} sur {max} pt.",
        "en": "Right answer: {pts} of {max} pt.",
    },
    "choice_single_wrong_how": {
        "fr": "Ce n'est pas la bonne réponse : 0 sur {max} pt.",
        "en": "Not the right answer: 0 of {max} pt.",
    },
    "choice_multi_how": {
        "fr": "{right} bonne(s) case(s) cochée(s) − {wrong} mauvaise(s) = {net} sur {total} attendue(s)"
        " → {net_clamped}/{total} × {max} pt = {pts} pt.",
        "en": "{right} right tick(s) − {wrong} wrong = {net} of {total} expected"
        " → {net_clamped}/{total} × {max} pt = {pts} pt.",
    },
    "choice_missed": {"fr": "Il fallait aussi cocher cette réponse.", "en": "This one should have been ticked too."},
    # --- highlight
    "highlight_empty": {
        "fr": "Surligne au moins un passage du document.",
        "en": "Mark at least one passage of the document.",
    },
    "highlight_how": {
        "fr": "Précision {p} % (part de tes marques qui étaient attendues) · rappel {r} % (part des passages "
        "attendus que tu as trouvés) → F1 {f} % × {max} pt = {pts} pt.",
        "en": "Precision {p}% (how much of what you marked was expected) · recall {r}% (how much of the "
        "expected passages you found) → F1 {f}% × {max} pt = {pts} pt.",
    },
    "highlight_found": {"fr": "Trouvé", "en": "Found"},
    "highlight_partly": {"fr": "En partie trouvé", "en": "Partly found"},
    "highlight_missed": {"fr": "Manqué", "en": "Missed"},
    "highlight_extra": {
        "fr": "Ce passage ne faisait pas partie de ceux attendus.",
        "en": "This passage was not one of those expected.",
    },
    # --- free text
    "free_text_empty": {"fr": "Écris ta réponse.", "en": "Write your answer."},
    "free_text_too_short": {
        "fr": "Ta réponse fait {n} mot(s) : écris-en au moins {min}.",
        "en": "Your answer has {n} word(s): write at least {min}.",
    },
    "free_text_too_long": {
        "fr": "Ta réponse fait {n} mots : resserre-la à {max} mots au plus.",
        "en": "Your answer has {n} words: cut it down to {max} words at most.",
    },
    "free_text_how": {
        "fr": "Idées trouvées : {found} sur {total} → {raw} pt (plafonné à {max} pt) = {pts} pt.",
        "en": "Ideas found: {found} of {total} → {raw} pt (capped at {max} pt) = {pts} pt.",
    },
    "free_text_keywords": {
        "fr": "Ta réponse ressemble à une liste de mots-clés : les points sont divisés par deux. "
        "Écris des phrases qui expliquent.",
        "en": "Your answer looks like a list of keywords: the points are halved. Write sentences that explain.",
    },
    "free_text_absent_needs_present": {
        "fr": "Ces points ne comptent que si la réponse reprend aussi le contenu de la phrase.",
        "en": "These points only count when the answer also keeps the sentence's content.",
    },
    "free_text_found_at": {"fr": "trouvé : « {words} »", "en": "found: \"{words}\""},
    "free_text_absent_ok": {"fr": "bien évité", "en": "rightly avoided"},
    "free_text_absent_bad": {"fr": "encore présent : « {words} »", "en": "still there: \"{words}\""},
    "free_text_review": {
        "fr": "Ton professeur peut relire cette réponse et ajuster la note.",
        "en": "Your teacher may read this answer and adjust the mark.",
    },
    # --- rating
    "rating_empty": {"fr": "Choisis une valeur sur l'échelle.", "en": "Choose a value on the scale."},
    "rating_inside_how": {
        "fr": "{value} est dans la zone attendue ({lo}–{hi}) : {pts} sur {max} pt.",
        "en": "{value} is in the expected range ({lo}–{hi}): {pts} of {max} pt.",
    },
    "rating_outside_how": {
        "fr": "{value} est à {d} cran(s) de la zone attendue ({lo}–{hi}) : −{step} % par cran → {pts} sur {max} pt.",
        "en": "{value} is {d} step(s) from the expected range ({lo}–{hi}): −{step}% per step → {pts} of {max} pt.",
    },
    # --- label
    "label_incomplete": {
        "fr": "Donne une catégorie à chaque extrait ({done} sur {total} pour l'instant).",
        "en": "Give every excerpt a category ({done} of {total} so far).",
    },
    "label_how": {
        "fr": "{right} extrait(s) bien classé(s) sur {total} → {right}/{total} × {max} pt = {pts} pt.",
        "en": "{right} of {total} excerpt(s) labelled right → {right}/{total} × {max} pt = {pts} pt.",
    },
    "label_expected": {"fr": "Attendu : {name}.", "en": "Expected: {name}."},
}


def tr(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` (French if missing), formatted with ``values``."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry.get("fr") or key
    return template.format(**values) if values else template
