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
    # --- student app (medialit/ui): navigation and catalogue
    "ui_nav_lessons": {"fr": "Leçons", "en": "Lessons"},
    "ui_catalogue_title": {"fr": "Leçons et exercices", "en": "Lessons and drills"},
    "ui_catalogue_intro": {
        "fr": "Chaque leçon part d'un vrai document. Lis-le de près et réponds aux questions : qui parle, "
        "comment les faits sont présentés, quels mots poussent un sentiment.",
        "en": "Every lesson starts from a real document. Read it closely and answer the questions: who is "
        "speaking, how the facts are presented, which words push a feeling.",
    },
    "ui_no_lessons": {
        "fr": "Aucune leçon n'est disponible pour l'instant. Ton professeur est peut-être en train d'en préparer une.",
        "en": "No lesson is available yet. Your teacher may be preparing one.",
    },
    "ui_section_lesson": {"fr": "Leçons", "en": "Lessons"},
    "ui_section_drill": {"fr": "Exercices courts", "en": "Short drills"},
    "ui_kind_lesson": {"fr": "Leçon", "en": "Lesson"},
    "ui_kind_drill": {"fr": "Exercice", "en": "Drill"},
    "ui_written_for_kit": {"fr": "Écrit pour le kit", "en": "Written for the kit"},
    "ui_card_source": {"fr": "Média : {outlet} · Date : {date}", "en": "Outlet: {outlet} · Date: {date}"},
    "ui_minutes": {"fr": "{n} min", "en": "{n} min"},
    "ui_n_questions": {"fr": "{n} question(s)", "en": "{n} question(s)"},
    "ui_answered_of": {"fr": "{done}/{total} répondue(s)", "en": "{done}/{total} answered"},
    "ui_score_of": {"fr": "{pts}/{max} pt", "en": "{pts}/{max} pt"},
    "ui_not_started": {"fr": "Pas encore commencée.", "en": "Not started yet."},
    "ui_start": {"fr": "Commencer", "en": "Start"},
    "ui_continue": {"fr": "Continuer", "en": "Continue"},
    "ui_review": {"fr": "Revoir", "en": "Review"},
    # --- student app: sidebar
    "ui_language": {"fr": "Langue", "en": "Language"},
    "ui_your_code": {"fr": "Ton code pour reprendre", "en": "Your code to continue later"},
    "ui_code_write_down": {
        "fr": "Note ce code : il te permet de reprendre sur un autre ordinateur, là où tu t'es arrêté(e).",
        "en": "Write this code down: it lets you continue on another computer, where you left off.",
    },
    "ui_code_none_yet": {
        "fr": "Tu recevras un code dès que tu commences une leçon.",
        "en": "You get a code as soon as you start a lesson.",
    },
    "ui_code_unknown": {
        "fr": "Le code {code} de l'adresse n'existe pas. Vérifie-le, ou commence une leçon pour en recevoir un.",
        "en": "The code {code} in the address does not exist. Check it, or start a lesson to get one.",
    },
    "ui_have_code": {"fr": "J'ai déjà un code", "en": "I already have a code"},
    "ui_enter_code": {"fr": "Ton code (6 caractères)", "en": "Your code (6 characters)"},
    "ui_continue_with_code": {"fr": "Reprendre avec ce code", "en": "Continue with this code"},
    "ui_code_not_found": {
        "fr": "Aucun élève n'a le code {code}. Vérifie les lettres et les chiffres.",
        "en": "No student has the code {code}. Check the letters and digits.",
    },
    # --- student app: lesson page
    "ui_all_lessons": {"fr": "Toutes les leçons", "en": "All lessons"},
    "ui_introduction": {"fr": "Avant de commencer", "en": "Before you start"},
    "ui_about_document": {"fr": "Le document tel qu'il est publié", "en": "The document as published"},
    "ui_meta_row": {"fr": "**{name}** : {value}", "en": "**{name}**: {value}"},
    "ui_meta_title": {"fr": "Titre", "en": "Headline"},
    "ui_meta_outlet": {"fr": "Média / site", "en": "Outlet / site"},
    "ui_meta_author": {"fr": "Auteur", "en": "Author"},
    "ui_meta_date": {"fr": "Date", "en": "Date"},
    "ui_meta_address": {"fr": "Adresse", "en": "Address"},
    "ui_not_given": {"fr": "n'apparaît pas", "en": "not given"},
    "ui_not_given_clue": {
        "fr": "Ce qui n'apparaît pas est déjà un indice sur la source.",
        "en": "What is not given is itself a clue about the source.",
    },
    "ui_questions": {"fr": "Questions", "en": "Questions"},
    "ui_progress": {"fr": "{done} question(s) répondue(s) sur {total}", "en": "{done} of {total} questions answered"},
    "ui_question_n": {"fr": "Question {n} sur {total}", "en": "Question {n} of {total}"},
    "ui_points": {"fr": "{pts} pt", "en": "{pts} pt"},
    "ui_no_points": {"fr": "sans points", "en": "no points"},
    "ui_previous": {"fr": "Précédente", "en": "Previous"},
    "ui_next": {"fr": "Suivante", "en": "Next"},
    "ui_finish": {"fr": "Terminer la leçon", "en": "Finish the lesson"},
    "ui_see_results": {"fr": "Voir mes résultats", "en": "See my results"},
    "ui_lesson_being_edited": {
        "fr": "Ton professeur est en train de modifier cette leçon. Tes réponses sont enregistrées : "
        "reviens dans un moment.",
        "en": "Your teacher is editing this lesson. Your answers are saved: come back in a moment.",
    },
    "ui_lesson_not_found": {
        "fr": "La leçon « {id} » n'existe pas (ou plus). Choisis-en une dans la liste.",
        "en": "The lesson \"{id}\" does not exist (any more). Choose one from the list.",
    },
    "ui_layer_student": {"fr": "Tes surlignages", "en": "Your marks"},
    "ui_layer_expected": {"fr": "Passages attendus", "en": "Expected passages"},
    "ui_layer_excerpts": {"fr": "Extraits à classer", "en": "Excerpts to label"},
    "ui_layer_xray": {"fr": "Radiographie", "en": "X-ray"},
    "ui_xray_toggle": {"fr": "Radiographie du texte", "en": "X-ray the text"},
    "ui_xray_help": {
        "fr": "Montre ce qu'un lecteur attentif vérifierait dans ce texte. Proposée une fois la question corrigée.",
        "en": "Shows what a careful reader would check in this text. Offered once the question is corrected.",
    },
    "ui_xray_legend": {
        "fr": "En violet, pointillés au-dessus : ce que la radiographie remarque (mots chargés, guillemets, "
        "absolus, sources citées ou anonymes, liens, dates, chiffres sans source, questions rhétoriques). Ce sont "
        "des pistes à discuter, pas des verdicts : passe la souris sur un passage pour savoir pourquoi.",
        "en": "In violet, dotted line above: what the X-ray notices (loaded words, quotation marks, absolutes, "
        "named or anonymous sources, links, dates, figures with no source, rhetorical questions). These are "
        "leads to discuss, not verdicts: hover over a passage to see why.",
    },
    # --- student app: answering
    "ui_choose_one": {"fr": "Choisis une réponse", "en": "Choose one answer"},
    "ui_choose_some": {"fr": "Coche toutes les bonnes réponses", "en": "Tick every right answer"},
    "ui_highlight_how": {
        "fr": "Surligne les passages dans le document (sélectionne-les à la souris ou au doigt). "
        "Au clavier, choisis des phrases entières ci-dessous.",
        "en": "Mark the passages in the document (select them with the mouse or your finger). "
        "With the keyboard, choose whole sentences below.",
    },
    "ui_your_answer": {"fr": "Ta réponse", "en": "Your answer"},
    "ui_free_text_placeholder": {"fr": "Écris des phrases complètes.", "en": "Write full sentences."},
    "ui_word_count_ok": {
        "fr": "{n} mot(s) : c'est dans la fourchette ({min} à {max}).",
        "en": "{n} word(s): within the range ({min} to {max}).",
    },
    "ui_word_count_short": {
        "fr": "{n} mot(s) : écris-en au moins {min} (au plus {max}). Le compte se met à jour quand tu quittes la case.",
        "en": "{n} word(s): write at least {min} (at most {max}). The count updates when you leave the box.",
    },
    "ui_word_count_long": {
        "fr": "{n} mots : c'est trop, {max} au plus.",
        "en": "{n} words: too many, {max} at most.",
    },
    "ui_rating_label": {
        "fr": "Ton choix sur l'échelle ({low} à {high})",
        "en": "Your choice on the scale ({low} to {high})",
    },
    "ui_excerpt_n": {"fr": "Extrait {n}", "en": "Excerpt {n}"},
    "ui_category_for": {"fr": "Catégorie de l'extrait {n}", "en": "Category of excerpt {n}"},
    "ui_choose_category": {"fr": "Choisis une catégorie", "en": "Choose a category"},
    "ui_categories_help": {"fr": "Que veulent dire les catégories ?", "en": "What do the categories mean?"},
    "ui_submit": {"fr": "Valider ma réponse", "en": "Submit my answer"},
    "ui_attempt_n": {
        "fr": "Essai n° {n} : ce nouvel essai retire {pct} % des points de la question.",
        "en": "Try {n}: this new try costs {pct}% of the question's points.",
    },
    "ui_hint": {"fr": "Montrer un indice", "en": "Show a hint"},
    "ui_hint_n": {"fr": "**Indice {n}.**", "en": "**Hint {n}.**"},
    "ui_hint_cost": {
        "fr": "Montrer un indice (−{pct} % des points)",
        "en": "Show a hint (−{pct}% of the points)",
    },
    "ui_hl_hint": {
        "fr": "Sélectionne un passage à la souris ou au doigt pour le surligner. "
        "Clique sur un surlignage pour l'enlever.",
        "en": "Select a passage with the mouse or your finger to highlight it. Click a highlight to remove it.",
    },
    "ui_hl_remove": {"fr": "Passage surligné, clique pour l'enlever", "en": "Highlighted passage, click to remove"},
    "ui_hl_marked": {"fr": "Passage surligné", "en": "Highlighted passage"},
    "ui_hl_empty": {"fr": "Aucun passage surligné pour l'instant.", "en": "No passage highlighted yet."},
    "ui_hl_count": {"fr": "Passages surlignés : {n}", "en": "Highlighted passages: {n}"},
    "ui_hl_mine": {"fr": "Tes surlignages", "en": "Your highlights"},
    "ui_hl_keyboard": {
        "fr": "Surligner des phrases entières au clavier",
        "en": "Highlight whole sentences with the keyboard",
    },
    "ui_hl_keyboard_placeholder": {"fr": "Choisis des phrases", "en": "Choose sentences"},
    "ui_hl_keyboard_help": {
        "fr": "Chaque phrase choisie est surlignée dans le texte ; retire-la pour enlever le surlignage.",
        "en": "Each sentence you choose is highlighted in the text; remove it to un-highlight.",
    },
    # --- student app: feedback
    "ui_result_right": {"fr": "Juste : {pts} sur {max} pt.", "en": "Right: {pts} of {max} pt."},
    "ui_result_partial": {"fr": "En partie juste : {pts} sur {max} pt.", "en": "Partly right: {pts} of {max} pt."},
    "ui_result_wrong": {"fr": "Pas encore : {pts} sur {max} pt.", "en": "Not yet: {pts} of {max} pt."},
    "ui_result_recorded": {
        "fr": "Réponse enregistrée. Il n'y a pas de bonne réponse ici : ton avis compte.",
        "en": "Answer saved. There is no right answer here: your view matters.",
    },
    "ui_lesson_edited_since": {
        "fr": "La leçon a été modifiée depuis ta réponse : voici le résultat obtenu à ce moment-là.",
        "en": "The lesson was edited since you answered: this is the result you got then.",
    },
    "ui_teacher_override": {
        "fr": "Ton professeur a relu ta réponse : {pts} sur {max} pt.",
        "en": "Your teacher read your answer: {pts} of {max} pt.",
    },
    "ui_your_text": {"fr": "Ta réponse :", "en": "Your answer:"},
    "ui_your_rating": {"fr": "Ton choix : **{value}**", "en": "Your choice: **{value}**"},
    "ui_your_category": {"fr": "ton choix : {name}", "en": "your choice: {name}"},
    "ui_marks_in_document": {
        "fr": "Tes surlignages sont en jaune dans le document.",
        "en": "Your marks are shown in yellow in the document.",
    },
    "ui_explanation": {"fr": "Pourquoi", "en": "Why"},
    "ui_model_answer": {"fr": "Une réponse possible", "en": "A possible answer"},
    "ui_can_retry": {
        "fr": "Tu peux réessayer ({n} essai(s) restant(s), −{pct} % des points par nouvel essai), "
        "ou passer à la suite. La correction complète s'affiche quand ta réponse est juste, "
        "quand tu n'as plus d'essai, ou quand tu termines la leçon.",
        "en": "You may try again ({n} try/tries left, −{pct}% of the points per new try), or go on. The full "
        "correction shows when your answer is right, when you have no tries left, or when you finish the lesson.",
    },
    "ui_try_again": {"fr": "Réessayer", "en": "Try again"},
    "ui_verdict_right": {"fr": "juste", "en": "right"},
    "ui_verdict_partial": {"fr": "en partie", "en": "partly"},
    "ui_verdict_wrong": {"fr": "faux", "en": "wrong"},
    "ui_verdict_extra": {"fr": "en trop", "en": "not expected"},
    "ui_verdict_missed": {"fr": "manqué", "en": "missed"},
    "ui_verdict_unscored": {"fr": "avis noté", "en": "view recorded"},
    # --- student app: summary
    "ui_summary_title": {"fr": "Tes résultats — {title}", "en": "Your results — {title}"},
    "ui_back_to_lesson": {"fr": "Revenir à la leçon", "en": "Back to the lesson"},
    "ui_finish_confirm": {
        "fr": "Terminer la leçon affiche toutes les corrections ; ensuite, tu ne pourras plus réessayer.",
        "en": "Finishing the lesson shows every correction; after that, you can no longer try again.",
    },
    "ui_unanswered": {
        "fr": "{n} question(s) sans réponse : elles comptent 0 pour l'instant (tu pourras encore y répondre).",
        "en": "{n} question(s) not answered: they count 0 for now (you can still answer them later).",
    },
    "ui_finish_now": {"fr": "Terminer et voir mes résultats", "en": "Finish and see my results"},
    "ui_total_score": {"fr": "Score total", "en": "Total score"},
    "ui_answered": {"fr": "Questions répondues", "en": "Questions answered"},
    "ui_by_skill": {"fr": "Par compétence", "en": "By skill"},
    "ui_skill_row": {"fr": "**{name}** : {pts} / {max} pt ({pct} %)", "en": "**{name}**: {pts} / {max} pt ({pct}%)"},
    "ui_impressions": {"fr": "Première impression et avis final", "en": "First impression and final view"},
    "ui_impression_before": {"fr": "Au début", "en": "At the start"},
    "ui_impression_after": {"fr": "À la fin", "en": "At the end"},
    "ui_review_document": {"fr": "Le document, corrigé", "en": "The document, corrected"},
    "ui_review_legend": {
        "fr": "En jaune : tes surlignages. Souligné en vert : les passages attendus.",
        "en": "In yellow: your marks. Underlined in green: the expected passages.",
    },
    "ui_all_questions": {"fr": "Toutes les questions", "en": "Every question"},
    "ui_col_n": {"fr": "N°", "en": "#"},
    "ui_col_question": {"fr": "Question", "en": "Question"},
    "ui_col_skill": {"fr": "Compétence", "en": "Skill"},
    "ui_col_result": {"fr": "Résultat", "en": "Result"},
    "ui_col_points": {"fr": "Points", "en": "Points"},
    "ui_col_tries": {"fr": "Essais", "en": "Tries"},
    "ui_not_answered": {"fr": "sans réponse", "en": "not answered"},
}


def lookup(table: dict[str, dict[str, str]], key: str, lang: str, **values: object) -> str:
    """The message ``key`` of ``table`` in ``lang`` (French if missing), formatted with ``values``.

    Every string table of the kit (this one, the classroom's) goes through here.
    """
    entry = table.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry.get("fr") or key
    return template.format(**values) if values else template


def tr(key: str, lang: str, **values: object) -> str:
    """The interface message ``key`` in ``lang`` (French if missing), formatted with ``values``."""
    return lookup(MESSAGES, key, lang, **values)
