"""The lesson lab's strings (its page and its refusals), in French and English.

Same shape and lookup as ``medialit.classroom.texts`` (``medialit.i18n.lookup``): ``t(key, lang, **values)``,
French as the fallback, and a test checks that every key has both languages. The validator's own
problems stay as it words them.
"""

from __future__ import annotations

from medialit.i18n import lookup

TEXTS: dict[str, dict[str, str]] = {
    # --- refusals (medialit.lab.LabError)
    "save_refused": {
        "fr": "Non enregistré : le fichier a {n} erreur(s). Corrigez-les d'abord ; la version enregistrée "
        "n'a pas été modifiée.",
        "en": "Not saved: the file has {n} error(s). Fix them first; the saved version was not changed.",
    },
    "save_conflict": {
        "fr": "Non enregistré : {file} a été modifié sur le disque depuis que vous l'avez ouvert (dans un autre "
        "onglet ou un autre éditeur). Rechargez-le, ou enregistrez quand même : la version du disque sera gardée "
        "dans l'historique.",
        "en": "Not saved: {file} was changed on disk since you opened it (in another tab or another editor). "
        "Reload it, or save anyway: the version on disk will be kept in the history.",
    },
    "not_lesson_file": {
        "fr": "« {file} » n'est pas un fichier de leçon : le laboratoire n'enregistre que des fichiers .yaml.",
        "en": "'{file}' is not a lesson file: the lab only saves .yaml files.",
    },
    "outside_folders": {
        "fr": "« {file} » n'est pas dans le dossier lessons/ ni exercises/ du kit : le laboratoire n'enregistre "
        "que là.",
        "en": "'{file}' is not in the kit's lessons/ or exercises/ folder: the lab saves nowhere else.",
    },
    "id_taken": {
        "fr": "l'identifiant « {id} » est déjà celui de {other} : donnez à cette leçon son propre identifiant "
        "(les réponses sont enregistrées sous lui)",
        "en": "the id '{id}' is already used by {other}: give this lesson its own id (answers are stored "
        "against it)",
    },
    "upload_type": {
        "fr": "« {name} » n'est pas un fichier .txt ou .md : enregistrez le document comme texte brut (UTF-8), "
        "puis réessayez.",
        "en": "'{name}' is not a .txt or .md file: save the document as plain text (UTF-8), then try again.",
    },
    "upload_too_big": {
        "fr": "« {name} » fait {size} Mo : un document peut faire {limit} Mo au plus (gardez seulement le texte "
        "de l'article).",
        "en": "'{name}' is {size} MB: a document may be {limit} MB at most (keep only the article's text).",
    },
    "upload_not_utf8": {
        "fr": "« {name} » n'est pas un texte UTF-8 (ligne {line}) : dans votre éditeur, enregistrez-le en UTF-8, "
        "puis réessayez.",
        "en": "'{name}' is not UTF-8 text (line {line}): save it as UTF-8 in your editor, then try again.",
    },
    "upload_empty": {
        "fr": "« {name} » est vide : collez-y d'abord le texte du document.",
        "en": "'{name}' is empty: paste the document's text into it first.",
    },
    "scaffold_failed": {"fr": "La leçon n'a pas été créée : {reason}", "en": "The lesson was not created: {reason}"},
    # --- the page
    "nav_lab": {"fr": "Atelier de leçons", "en": "Lesson lab"},
    "lab_intro": {
        "fr": "Ouvrez une leçon ou un exercice (même en erreur), modifiez-le et voyez-le comme un élève. "
        "L'enregistrement refuse un fichier en erreur et garde la version précédente.",
        "en": "Open a lesson or a drill (even a broken one), edit it and see it as a student does. Saving "
        "refuses a file with errors and keeps the previous version.",
    },
    "file_pick": {"fr": "Fichier", "en": "File"},
    "file_placeholder": {"fr": "Choisissez une leçon ou un exercice", "en": "Choose a lesson or a drill"},
    "file_ok": {"fr": "prêt", "en": "ready"},
    "file_errors": {"fr": "{n} erreur(s)", "en": "{n} error(s)"},
    "file_warnings": {"fr": "{n} avertissement(s)", "en": "{n} warning(s)"},
    "no_files": {
        "fr": "Aucun fichier dans lessons/ ni exercises/ : commencez une leçon à partir d'un document.",
        "en": "No file in lessons/ or exercises/: start a lesson from a document.",
    },
    "pick_first": {
        "fr": "Choisissez un fichier ci-dessus, ou commencez une leçon à partir d'un document.",
        "en": "Choose a file above, or start a lesson from a document.",
    },
    # --- a new lesson from a document
    "new_from_doc": {"fr": "Nouvelle leçon à partir d'un document", "en": "New lesson from a document"},
    "upload_label": {
        "fr": "Document (.txt ou .md, UTF-8, 2 Mo au plus)",
        "en": "Document (.txt or .md, UTF-8, 2 MB at most)",
    },
    "new_id": {"fr": "Identifiant de la leçon (facultatif)", "en": "Lesson id (optional)"},
    "new_id_help": {
        "fr": "Lettres minuscules, chiffres et tirets ; par défaut, tiré du nom du fichier. Il ne doit plus "
        "changer ensuite : les réponses des élèves sont enregistrées sous cet identifiant.",
        "en": "Lowercase letters, digits and dashes; by default, made from the file name. It must not change "
        "afterwards: students' answers are stored against it.",
    },
    "new_lang": {"fr": "Langue du document", "en": "Language of the document"},
    "new_create": {"fr": "Créer la leçon", "en": "Create the lesson"},
    "new_need_file": {"fr": "Choisissez d'abord un document.", "en": "Choose a document first."},
    "new_created": {
        "fr": "Leçon créée : {file}. Elle est ouverte dans l'éditeur ; ses avertissements disent ce qui reste "
        "à écrire.",
        "en": "Lesson created: {file}. It is open in the editor; its warnings say what remains to write.",
    },
    # --- tabs
    "tab_edit": {"fr": "Éditer", "en": "Edit"},
    "tab_preview": {"fr": "Aperçu élève", "en": "Student preview"},
    "tab_xray": {"fr": "Radiographie du document", "en": "Document X-ray"},
    "tab_exports": {"fr": "Exports", "en": "Exports"},
    # --- editor
    "editor_label": {"fr": "Contenu de {file} (YAML)", "en": "Content of {file} (YAML)"},
    "unsaved": {"fr": "● Modifications non enregistrées", "en": "● Unsaved changes"},
    "same_as_saved": {"fr": "Identique au fichier enregistré.", "en": "Same as the saved file."},
    "draft_restored": {
        "fr": "Vos modifications non enregistrées de ce fichier sont revenues dans l'éditeur.",
        "en": "Your unsaved changes to this file are back in the editor.",
    },
    "save": {"fr": "Enregistrer", "en": "Save"},
    "revert": {"fr": "Annuler mes modifications", "en": "Discard my changes"},
    "overwrite": {"fr": "Enregistrer quand même", "en": "Save anyway"},
    "reload": {"fr": "Recharger depuis le disque", "en": "Reload from disk"},
    "saved": {
        "fr": "Enregistré : {file}. Les élèves ont la nouvelle version dès leur prochaine question.",
        "en": "Saved: {file}. Students get the new version from their next question.",
    },
    "nothing_to_save": {
        "fr": "Rien à enregistrer : {file} contient déjà ce texte.",
        "en": "Nothing to save: {file} already holds this text.",
    },
    "saved_backup": {
        "fr": "La version précédente est gardée dans {backup}.",
        "en": "The previous version is kept in {backup}.",
    },
    "id_changed": {
        "fr": "L'identifiant est passé de « {old} » à « {new} » : les réponses déjà données restent rattachées à "
        "« {old} », et les élèves en cours perdront leur progression. Gardez l'ancien identifiant si la leçon a "
        "déjà servi.",
        "en": "The id changed from '{old}' to '{new}': answers already given stay under '{old}', and students in "
        "the middle of it lose their progress. Keep the old id if the lesson has been used.",
    },
    # --- problems
    "check_title": {"fr": "Vérification", "en": "Check"},
    "check_help": {
        "fr": "Mise à jour dès que vous quittez la zone de texte (ou Ctrl+Entrée).",
        "en": "Updated as soon as you leave the text box (or press Ctrl+Enter).",
    },
    "no_problems": {"fr": "Aucun problème : la leçon est prête.", "en": "No problem: the lesson is ready."},
    "n_errors": {
        "fr": "{n} erreur(s) : la leçon ne peut pas être servie aux élèves.",
        "en": "{n} error(s): the lesson cannot be served to students.",
    },
    "n_warnings": {
        "fr": "{n} avertissement(s) : la leçon fonctionne, mais enseigne moins bien.",
        "en": "{n} warning(s): the lesson works, but teaches less well.",
    },
    "errors_head": {"fr": "Erreurs", "en": "Errors"},
    "warnings_head": {"fr": "Avertissements", "en": "Warnings"},
    "line": {"fr": "ligne {n}", "en": "line {n}"},
    "question": {"fr": "question « {id} »", "en": "question '{id}'"},
    # --- history
    "history_title": {"fr": "Versions précédentes ({n})", "en": "Previous versions ({n})"},
    "history_pick": {"fr": "Version", "en": "Version"},
    "history_load": {"fr": "Charger dans l'éditeur", "en": "Load into the editor"},
    "history_loaded": {
        "fr": "Version {name} chargée dans l'éditeur : enregistrez pour la rétablir.",
        "en": "Version {name} loaded into the editor: save to restore it.",
    },
    # --- preview
    "preview_needs_ok": {
        "fr": "L'aperçu a besoin d'une leçon sans erreur : corrigez d'abord {n} erreur(s) (onglet « Éditer »).",
        "en": "The preview needs a lesson without errors: fix {n} error(s) first (\"Edit\" tab).",
    },
    "preview_caption": {
        "fr": "Ce que voit un élève, avec le texte de l'éditeur. Rien de ce que vous faites ici n'est enregistré.",
        "en": "What a student sees, with the editor's text. Nothing you do here is recorded.",
    },
    "preview_lang": {"fr": "Langue", "en": "Language"},
    "preview_question": {"fr": "Question", "en": "Question"},
    "answer_key": {"fr": "Afficher le corrigé", "en": "Show the answer key"},
    "try_answer": {"fr": "Tester cette réponse (non enregistrée)", "en": "Try this answer (not recorded)"},
    "try_clear": {"fr": "Effacer le test", "en": "Clear the try"},
    "hints_title": {"fr": "Indices que l'élève peut demander ({n})", "en": "Hints the student can ask for ({n})"},
    # --- answer key (medialit.lab_key)
    "key_title": {"fr": "Corrigé", "en": "Answer key"},
    "right_option": {"fr": "bonne réponse", "en": "right answer"},
    "wrong_option": {"fr": "mauvaise réponse", "en": "wrong answer"},
    "misconception": {"fr": "Ce choix révèle :", "en": "This choice reveals:"},
    "expected_passages": {"fr": "Passages attendus (soulignés en vert sur le document)",
                          "en": "Expected passages (underlined in green on the document)"},
    "rubric": {"fr": "Idées attendues (barème)", "en": "Expected ideas (rubric)"},
    "terms": {"fr": "mots reconnus :", "en": "words recognised:"},
    "absent": {"fr": "gagnée quand AUCUN de ces mots ne reste", "en": "earned when NONE of these words is left"},
    "requires": {"fr": "seulement avec", "en": "only with"},
    "model_answer": {"fr": "Réponse modèle", "en": "Model answer"},
    "expected_range": {"fr": "Réponses justes : de {lo} à {hi}.", "en": "Right answers: from {lo} to {hi}."},
    "opinion": {
        "fr": "Un avis : pas de bonne réponse, pas de points.",
        "en": "An opinion: no right answer, no points.",
    },
    "expected_category": {"fr": "attendu", "en": "expected"},
    "other_document": {"fr": "dans {file}", "en": "in {file}"},
    "explanation": {"fr": "Explication", "en": "Explanation"},
    "no_explanation": {"fr": "Pas d'explication.", "en": "No explanation."},
    # --- X-ray
    "xray_no_document": {
        "fr": "La radiographie lit le document de la leçon : indiquez un « document: » lisible (avec son « file: »).",
        "en": "The X-ray reads the lesson's document: give a readable 'document:' (with its 'file:').",
    },
    "xray_caption": {
        "fr": "Ce que la radiographie remarque dans {file} : des pistes à vérifier, pas des verdicts. Le bloc "
        "« citations » de chaque type se copie (bouton en haut à droite du bloc) et se colle sous « passages: » "
        "d'une question à surligner, ou sous « excerpts: » d'une question à classer (ajoutez alors « id: » et "
        "« answer: »).",
        "en": "What the X-ray notices in {file}: leads to check, not verdicts. Each kind's \"quotes\" block can "
        "be copied (button at its top right) and pasted under 'passages:' of a highlight question, or under "
        "'excerpts:' of a label question (then add 'id:' and 'answer:').",
    },
    "xray_summary": {"fr": "{n} remarque(s) : {kinds}", "en": "{n} finding(s): {kinds}"},
    "xray_none": {"fr": "La radiographie ne remarque rien dans ce document.", "en": "The X-ray notices nothing here."},
    "xray_show": {"fr": "Montrer sur le document", "en": "Show on the document"},
    "xray_line": {"fr": "ligne", "en": "line"},
    "xray_quotes": {"fr": "Citations à copier", "en": "Quotes to copy"},
    # --- exports
    "exports_needs_ok": {
        "fr": "Les exports ont besoin d'une leçon sans erreur : corrigez d'abord {n} erreur(s).",
        "en": "Exports need a lesson without errors: fix {n} error(s) first.",
    },
    "exports_caption": {
        "fr": "Faits à partir du texte de l'éditeur.", "en": "Made from the editor's text.",
    },
    "exports_unsaved": {
        "fr": "Attention : ce texte n'est pas encore enregistré.", "en": "Note: this text is not saved yet.",
    },
    "export_lang": {"fr": "Langue des fichiers", "en": "Language of the files"},
    "worksheet": {"fr": "Fiche élève (HTML à imprimer)", "en": "Student worksheet (printable HTML)"},
    "answer_key_file": {"fr": "Corrigé enseignant (HTML à imprimer)", "en": "Teacher's answer key (printable HTML)"},
    "gift": {"fr": "Questionnaire Moodle (GIFT)", "en": "Moodle quiz (GIFT)"},
    "gift_skipped": {
        "fr": "GIFT ne sait pas exprimer les questions à surligner ni à classer ; elles ne sont pas dans le "
        "fichier : {ids}.",
        "en": "GIFT cannot express highlight and label questions; they are not in the file: {ids}.",
    },
    "gift_all": {"fr": "Toutes les questions sont dans le fichier GIFT.", "en": "Every question is in the GIFT file."},
}


def t(key: str, lang: str, **values: object) -> str:
    """The lab string ``key`` in ``lang`` (French if missing), formatted with ``values``."""
    return lookup(TEXTS, key, lang, **values)
