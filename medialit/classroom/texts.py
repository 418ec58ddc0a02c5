"""The classroom mode's interface strings (teacher pages, join page, report), in French and English.

Kept apart from ``medialit.i18n.MESSAGES`` (the student app's table) so both can grow without
editing one file at once; same shape, same fallback, and a test checks every key has both languages.
"""

from __future__ import annotations

from medialit.i18n import lookup

TEXTS: dict[str, dict[str, str]] = {
    # --- navigation
    "nav_teacher": {"fr": "Espace enseignant", "en": "Teacher area"},
    "nav_sessions": {"fr": "Sessions de classe", "en": "Class sessions"},
    "nav_dashboard": {"fr": "Tableau de bord", "en": "Dashboard"},
    "nav_exports": {"fr": "Exports et rapport", "en": "Exports and report"},
    "nav_join": {"fr": "Rejoindre une classe", "en": "Join a class"},
    # --- login
    "login_title": {"fr": "Espace enseignant", "en": "Teacher area"},
    "password": {"fr": "Mot de passe enseignant", "en": "Teacher password"},
    "login": {"fr": "Se connecter", "en": "Log in"},
    "logout": {"fr": "Se déconnecter", "en": "Log out"},
    "login_wrong": {"fr": "Mot de passe incorrect.", "en": "Wrong password."},
    "login_ok": {"fr": "Vous êtes connecté(e) comme enseignant(e).", "en": "You are logged in as a teacher."},
    "need_login": {
        "fr": "Cette page est réservée à l'enseignant(e) : connectez-vous d'abord.",
        "en": "This page is for the teacher: log in first.",
    },
    "no_password": {
        "fr": "Aucun mot de passe enseignant n'est défini : l'espace enseignant reste fermé (les élèves peuvent "
        "toujours travailler seuls). Pour l'ouvrir, choisissez un mot de passe et, au choix :\n\n"
        "1. écrivez-le dans le fichier `.streamlit/secrets.toml` du dossier du kit (jamais versionné) :\n\n"
        "   ```toml\n   teacher_password = \"une phrase de passe longue\"\n   ```\n\n"
        "2. ou lancez l'application avec la variable d'environnement `MEDIALIT_TEACHER_PASSWORD` :\n\n"
        "   ```sh\n   MEDIALIT_TEACHER_PASSWORD='une phrase de passe longue' make run\n   ```\n\n"
        "Puis relancez l'application et rechargez cette page.",
        "en": "No teacher password is set: the teacher area stays closed (students can still work on their "
        "own). To open it, choose a password and either:\n\n"
        "1. write it in the kit folder's `.streamlit/secrets.toml` file (never committed):\n\n"
        "   ```toml\n   teacher_password = \"a long pass phrase\"\n   ```\n\n"
        "2. or start the app with the environment variable `MEDIALIT_TEACHER_PASSWORD`:\n\n"
        "   ```sh\n   MEDIALIT_TEACHER_PASSWORD='a long pass phrase' make run\n   ```\n\n"
        "Then restart the app and reload this page.",
    },
    # --- class sessions
    "new_session": {"fr": "Nouvelle session de classe", "en": "New class session"},
    "session_name": {
        "fr": "Nom de la session (ex. « 2nde B — mardi »)",
        "en": "Session name (e.g. \"Year 11B — Tuesday\")",
    },
    "session_lessons": {"fr": "Leçons et exercices", "en": "Lessons and drills"},
    "create": {"fr": "Créer la session", "en": "Create the session"},
    "need_name": {"fr": "Donnez un nom à la session.", "en": "Give the session a name."},
    "need_lessons": {
        "fr": "Choisissez au moins une leçon ou un exercice.",
        "en": "Choose at least one lesson or drill.",
    },
    "created": {"fr": "Session « {name} » créée.", "en": "Session \"{name}\" created."},
    "pick_session": {"fr": "Session", "en": "Session"},
    "no_sessions": {"fr": "Aucune session pour l'instant : créez-en une.", "en": "No session yet: create one."},
    "status_open": {"fr": "ouverte", "en": "open"},
    "status_closed": {"fr": "fermée", "en": "closed"},
    "session_label": {"fr": "{name} · {code} · {status}", "en": "{name} · {code} · {status}"},
    "join_code": {"fr": "Code pour rejoindre", "en": "Join code"},
    "join_address": {"fr": "Adresse à ouvrir", "en": "Address to open"},
    "join_instructions": {
        "fr": "Les élèves ouvrent l'adresse (ou scannent le code QR), puis choisissent un pseudonyme : pas besoin "
        "de leur vrai nom.",
        "en": "Students open the address (or scan the QR code), then choose a pseudonym: no real names needed.",
    },
    "join_lan_note": {
        "fr": "C'est l'adresse de cet ordinateur sur le réseau de l'établissement : l'application a été ouverte "
        "ici même ({local}), une adresse que les appareils des élèves ne peuvent pas ouvrir.",
        "en": "This is this computer's address on the school network: the app was opened on this computer "
        "itself ({local}), an address students' devices cannot open.",
    },
    "qr_caption": {"fr": "Scanner pour rejoindre", "en": "Scan to join"},
    "close": {"fr": "Fermer la session", "en": "Close the session"},
    "closed_note": {
        "fr": "Session fermée : plus personne ne peut la rejoindre ni y enregistrer de réponse.",
        "en": "Session closed: nobody can join it or record an answer in it any more.",
    },
    "reopen": {"fr": "Rouvrir la session", "en": "Reopen the session"},
    "delete": {"fr": "Supprimer la session…", "en": "Delete the session…"},
    "delete_title": {"fr": "Supprimer la session ?", "en": "Delete the session?"},
    "delete_warning": {
        "fr": "Supprimer « {name} » efface ses {n} élève(s) et toutes leurs réponses. C'est définitif : "
        "téléchargez d'abord le CSV si vous en avez besoin.",
        "en": "Deleting \"{name}\" erases its {n} student(s) and all their answers. It cannot be undone: "
        "download the CSV first if you need it.",
    },
    "delete_confirm": {"fr": "Oui, supprimer définitivement", "en": "Yes, delete for good"},
    "cancel": {"fr": "Annuler", "en": "Cancel"},
    "deleted": {"fr": "Session « {name} » supprimée.", "en": "Session \"{name}\" deleted."},
    "students_count": {"fr": "{n} élève(s)", "en": "{n} student(s)"},
    "lessons_missing": {
        "fr": "Leçon(s) indisponible(s) pour l'instant (fichier absent ou en cours de modification) : {ids}",
        "en": "Lesson(s) not available now (file missing or being edited): {ids}",
    },
    # --- dashboard
    "live": {"fr": "Mise à jour automatique (toutes les 3 s)", "en": "Live updates (every 3 s)"},
    "lesson_pick": {"fr": "Leçon", "en": "Lesson"},
    "metric_students": {"fr": "Élèves", "en": "Students"},
    "metric_answers": {"fr": "Réponses", "en": "Answers"},
    "metric_review": {"fr": "À relire", "en": "To review"},
    "updated": {"fr": "Mis à jour à {time} (UTC)", "en": "Updated at {time} (UTC)"},
    "roster": {"fr": "Élèves", "en": "Students"},
    "no_students": {
        "fr": "Personne n'a encore rejoint la session : projetez le code.",
        "en": "Nobody has joined the session yet: project the join code.",
    },
    "col_pseudonym": {"fr": "Pseudonyme", "en": "Pseudonym"},
    "col_progress": {"fr": "Avancement", "en": "Progress"},
    "col_answered": {"fr": "Répondu", "en": "Answered"},
    "col_score": {"fr": "Points", "en": "Points"},
    "col_percent": {"fr": "Réussite", "en": "Success"},
    "col_current": {"fr": "Question en cours", "en": "Current question"},
    "col_last": {"fr": "Dernière activité", "en": "Last activity"},
    "col_review": {"fr": "À relire", "en": "To review"},
    "items": {"fr": "Questions", "en": "Questions"},
    "col_question": {"fr": "Question", "en": "Question"},
    "col_skill": {"fr": "Compétence", "en": "Skill"},
    "col_facility": {"fr": "Facilité", "en": "Facility"},
    "col_discrimination": {"fr": "Discrimination", "en": "Discrimination"},
    "items_help": {
        "fr": "Facilité = note moyenne / note maximale, parmi les élèves qui ont répondu. Discrimination = 100 × "
        "corrélation entre la note à la question et le total du reste de la leçon (élèves ayant tout fait) : "
        "au-dessus de 30, la question sépare bien ceux qui ont compris ; proche de 0 ou négative, elle mesure "
        "autre chose (ou elle est ambiguë).",
        "en": "Facility = mean mark / maximum mark, among the students who answered. Discrimination = 100 × "
        "correlation between the question's mark and the total on the rest of the lesson (students who did it "
        "all): above 30 the question separates those who understood; near 0 or negative it measures something "
        "else (or is ambiguous).",
    },
    "alpha": {"fr": "Cohérence de la leçon (alpha de Cronbach)", "en": "Lesson consistency (Cronbach's alpha)"},
    "alpha_value": {
        "fr": "α = {value} ({n} élèves ayant répondu à tout, {p} questions notées). Au-dessus de 0,75 : "
        "satisfaisant ; en dessous de 0,64 : les questions ne mesurent pas la même chose.",
        "en": "α = {value} ({n} students who answered everything, {p} scored questions). Above 0.75: "
        "satisfactory; below 0.64: the questions do not measure the same thing.",
    },
    "alpha_too_few_students": {
        "fr": "Pas encore calculable : il faut au moins 3 élèves ayant répondu à toutes les questions notées "
        "({n} pour l'instant).",
        "en": "Not computable yet: it needs at least 3 students who answered every scored question ({n} so far).",
    },
    "alpha_too_few_questions": {
        "fr": "Non calculable : la leçon a moins de 2 questions notées.",
        "en": "Not computable: the lesson has fewer than 2 scored questions.",
    },
    "alpha_no_variance": {
        "fr": "Non calculable : tous les élèves ont le même total.",
        "en": "Not computable: every student has the same total.",
    },
    "options": {"fr": "Réponses choisies et idées fausses", "en": "Answers chosen and misconceptions"},
    "col_option": {"fr": "Réponse", "en": "Answer"},
    "col_chosen": {"fr": "Choisie par", "en": "Chosen by"},
    "col_correct": {"fr": "Juste", "en": "Right"},
    "col_misconception": {"fr": "Ce que révèle ce choix", "en": "What this choice reveals"},
    "heatmap": {"fr": "Carte de la classe : passages surlignés", "en": "Class heatmap: passages marked"},
    "heat_pick": {"fr": "Question de surlignage", "en": "Highlight question"},
    "heat_legend": {
        "fr": "Plus c'est foncé, plus d'élèves ont surligné le passage ; les passages attendus sont encadrés.",
        "en": "The darker, the more students marked the passage; the expected passages are outlined.",
    },
    "heat_n": {"fr": "{n} élève(s)", "en": "{n} student(s)"},
    "heat_expected": {"fr": "Passages attendus", "en": "Expected passages"},
    "skills": {"fr": "Profil de la classe par compétence", "en": "Class profile by skill"},
    "impressions": {"fr": "Première impression et note finale", "en": "First impression and final rating"},
    "col_before": {"fr": "Avant", "en": "Before"},
    "col_after": {"fr": "Après", "en": "After"},
    "col_change": {"fr": "Écart", "en": "Change"},
    "impression_means": {
        "fr": "{lesson} : moyenne de la classe {before} avant → {after} après (écart moyen {change}, {pairs} "
        "élève(s) ayant donné les deux).",
        "en": "{lesson}: class mean {before} before → {after} after (mean change {change}, {pairs} student(s) "
        "who gave both).",
    },
    "discernment": {"fr": "Discernement : fiable ou peu fiable ?", "en": "Discernment: reliable or not?"},
    "col_reliable": {"fr": "Textes fiables", "en": "Reliable items"},
    "col_unreliable": {"fr": "Textes peu fiables", "en": "Unreliable items"},
    "col_discernment": {"fr": "Discernement", "en": "Discernment"},
    "col_mean_rating": {"fr": "Moyenne (biais)", "en": "Mean (bias)"},
    "discernment_class": {
        "fr": "Classe : discernement {d} (textes fiables {r} − peu fiables {u}), note moyenne {m}, sur {n} élève(s).",
        "en": "Class: discernment {d} (reliable items {r} − unreliable {u}), mean rating {m}, over {n} student(s).",
    },
    "discernment_help": {
        "fr": "Discernement = note moyenne des textes fiables − note moyenne des textes peu fiables. Positif : la "
        "classe fait la différence. Une note moyenne basse avec un discernement proche de 0 signale une méfiance "
        "générale, pas un esprit critique.",
        "en": "Discernment = mean rating of the reliable items − mean rating of the unreliable ones. Positive: the "
        "class tells them apart. A low mean rating with discernment near 0 signals blanket distrust, not "
        "critical reading.",
    },
    "nothing_yet": {"fr": "Pas encore de réponse.", "en": "No answer yet."},
    # --- grading
    "grading": {"fr": "Réponses écrites à corriger", "en": "Written answers to grade"},
    "grading_filter": {"fr": "Afficher", "en": "Show"},
    "filter_todo": {"fr": "À relire", "en": "To review"},
    "filter_all": {"fr": "Toutes", "en": "All"},
    "grading_refresh": {"fr": "Actualiser la liste", "en": "Refresh the list"},
    "grading_still": {
        "fr": "Cette liste ne bouge pas pendant que vous corrigez : actualisez-la pour voir les nouvelles réponses.",
        "en": "This list stays still while you grade: refresh it to see new answers.",
    },
    "grading_empty": {"fr": "Aucune réponse écrite à relire.", "en": "No written answer to review."},
    "auto_score": {"fr": "Note automatique : {pts}/{max} pt", "en": "Automatic score: {pts}/{max} pt"},
    "teacher_score": {"fr": "Note de l'enseignant : {pts}/{max} pt", "en": "Teacher's score: {pts}/{max} pt"},
    "override_points": {"fr": "Note de l'enseignant (sur {max})", "en": "Teacher's score (out of {max})"},
    "override_comment": {"fr": "Commentaire pour l'élève", "en": "Comment for the student"},
    "save_grade": {"fr": "Enregistrer la note", "en": "Save the grade"},
    "remove_override": {"fr": "Revenir à la note automatique", "en": "Back to the automatic score"},
    "saved": {"fr": "Note enregistrée pour {name}.", "en": "Grade saved for {name}."},
    "answer_header": {"fr": "{name} — {lesson} · {question}", "en": "{name} — {lesson} · {question}"},
    # --- exports
    "csv": {"fr": "Réponses pour le tableur (CSV)", "en": "Answers for a spreadsheet (CSV)"},
    "csv_help": {
        "fr": "Une ligne par réponse (chaque essai) : session, pseudonyme, leçon, question, compétence, réponse "
        "brute (JSON), note automatique, note finale, commentaire, heures (UTC). CSV standard à virgules, en "
        "UTF-8 avec BOM pour qu'Excel lise les accents.",
        "en": "One row per answer (every attempt): session, pseudonym, lesson, question, skill, raw answer (JSON), "
        "automatic score, final score, comment, times (UTC). Standard comma CSV, UTF-8 with a BOM so that Excel "
        "reads accents.",
    },
    "download_csv": {"fr": "Télécharger le CSV ({n} réponses)", "en": "Download the CSV ({n} answers)"},
    "report": {"fr": "Rapport de classe imprimable", "en": "Printable class report"},
    "report_names": {"fr": "Laisser de côté les pseudonymes des élèves", "en": "Leave out the students' pseudonyms"},
    "download_report": {"fr": "Télécharger le rapport (HTML à imprimer)", "en": "Download the report (HTML, to print)"},
    "report_help": {
        "fr": "Ouvrez le fichier dans un navigateur, puis imprimez-le ou enregistrez-le en PDF.",
        "en": "Open the file in a browser, then print it or save it as PDF.",
    },
    # --- joining (student side)
    "join_title": {"fr": "Rejoindre une classe", "en": "Join a class"},
    "join_code_input": {"fr": "Code de la classe", "en": "Class code"},
    "pseudonym": {"fr": "Ton pseudonyme (pas ton vrai nom)", "en": "Your pseudonym (not your real name)"},
    "join_button": {"fr": "Rejoindre", "en": "Join"},
    "join_unknown": {
        "fr": "Aucune classe n'a le code {code}. Vérifie-le avec ton professeur.",
        "en": "No class has the code {code}. Check it with your teacher.",
    },
    "join_closed": {
        "fr": "Cette session de classe est fermée : on ne peut plus la rejoindre.",
        "en": "This class session is closed: it cannot be joined any more.",
    },
    "join_taken": {
        "fr": "Le pseudonyme « {name} » est déjà pris dans cette classe : choisis-en un autre.",
        "en": "The pseudonym \"{name}\" is already taken in this class: please choose another one.",
    },
    "join_need_pseudonym": {"fr": "Choisis un pseudonyme.", "en": "Choose a pseudonym."},
    "join_need_code": {"fr": "Écris le code de la classe.", "en": "Write the class code."},
    "join_too_long": {
        "fr": "Ce pseudonyme est trop long (64 caractères au plus).",
        "en": "This pseudonym is too long (64 characters at most).",
    },
    "joined": {
        "fr": "Tu es dans la classe « {name} » sous le pseudonyme **{pseudonym}**.",
        "en": "You are in the class \"{name}\" as **{pseudonym}**.",
    },
    "joined_code": {
        "fr": "Ton code pour reprendre plus tard, sur n'importe quel ordinateur : **{code}**",
        "en": "Your code to continue later, on any computer: **{code}**",
    },
    "your_lessons": {"fr": "Tes leçons", "en": "Your lessons"},
    "session_closed_student": {
        "fr": "Ta session de classe « {name} » est fermée : tes nouvelles réponses ne sont plus enregistrées.",
        "en": "Your class session \"{name}\" is closed: new answers are no longer recorded.",
    },
    "answers_closed": {
        "fr": "La session de classe est fermée : cette réponse n'a pas été enregistrée.",
        "en": "The class session is closed: this answer was not recorded.",
    },
    # --- report
    "report_title": {"fr": "Rapport de classe", "en": "Class report"},
    "report_summary": {
        "fr": "{n} élève(s) · {answers} réponse(s) · généré le {date} (UTC)",
        "en": "{n} student(s) · {answers} answer(s) · generated on {date} (UTC)",
    },
    "student_n": {"fr": "Élève {n}", "en": "Student {n}"},
    "names_left_out": {"fr": "Pseudonymes des élèves omis.", "en": "Students' pseudonyms left out."},
}


def t(key: str, lang: str, **values: object) -> str:
    """The classroom string ``key`` in ``lang`` (French if missing), formatted with ``values``."""
    return lookup(TEXTS, key, lang, **values)


def num(value: object, lang: str, digits: int = 2) -> str:
    """A number as a teacher reads it: ``0.39`` (en), ``0,39`` (fr), trailing zeros dropped; "–" when missing."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    if number != number:  # NaN
        return "–"
    text = f"{number:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{number:.0f}"
    text = "0" if text in ("-0", "") else text
    return text.replace(".", ",") if lang == "fr" else text
