"""Words any answer about a news document may use: the vocabulary of analysis and everyday words.

A written answer is *about the document* when its content words come from the lesson (its document,
its questions) or from here. This list is deliberately general — the words a student uses to talk
about a text, a source, a claim, in French and English — and never a lesson's own topic words, which
come from the lesson itself. Stored as plain forms and lemmas, without accents.
"""

from __future__ import annotations

from medialit.language.words import _lemma, strip_accents

_ANALYSIS = """
article articles texte textes document documents auteur auteurs autrice source sources sourcé sourcée média médias
journal journaux journaliste journalistes presse rédaction rédacteur site sites page pages titre titres
sous-titre chapô intertitre paragraphe paragraphes phrase phrases mot mots terme termes expression expressions
citation citations citer cite cité citée guillemets guillemet ton style registre vocabulaire lexique adjectif
adjectifs verbe verbes nom noms qualificatif image images photo photos légende vidéo lien liens adresse url
date dates signature signé anonyme anonymes inconnu identité propriétaire éditeur opérateur mentions légales
information informations info infos fait faits preuve preuves chiffre chiffres nombre statistique sondage
étude rapport enquête témoignage témoin déclaration communiqué dépêche agence agences officiel officielle
version traduction traduit original originale primaire secondaire reprise repris relais relayé relaie
opinion opinions avis point vue angle cadrage cadre perspective présentation présenté présente présenter
jugement juger juge péjoratif péjorative connotation connoté négatif négative positif positive neutre
neutralité objectif objective subjectif subjective biais biaisé biaisée partial partiale impartial orienté
orientée propagande manipulation manipuler manipulé persuader persuasion convaincre émotion émotions peur
fiable fiabilité crédible crédibilité douteux douteuse vrai vraie faux fausse vérifier vérification vérifiable
comparer comparaison recouper recoupement chercher recherche rechercher moteur google wikipédia lire lecture
latérale lecteur lecteurs lectrice public exagérer exagération exagéré minimiser simplifier caricature
insulte insulter étiquette étiqueter dénigrer dénigrement accuser accusation critique critiquer reproche
affirmation affirmer affirme prétendre prétend suggérer suggère sous-entendre insinuer laisse entendre
montrer montre démontre prouve prouver expliquer explique rapporter rapporte raconter raconte décrire décrit
annoncer annonce déclare déclarer dire dit écrit écrire parler parle évoquer évoque mentionner mentionne
nommer nomme nommé attribuer attribue attribué présenter insister insiste souligner souligne omettre omis
oublier oublie cacher cache manque manquer absence absent absente contexte nuance nuancer réalité conclusion
question réponse exemple argument arguments thèse point-de-vue camp côté version cause conséquence effet
lecteur titre-choc accroche sensationnel sensationnaliste clickbait rumeur complot complotiste
article's text author outlet newspaper journalist reporter headline headlines quote quotes quoted quotation
word words phrase wording term terms sentence sentences paragraph tone label labels adjective adjectives
claim claims evidence proof fact facts figure figures number numbers poll survey study report statement
press release official agency wire translation translated original primary secondary relay relayed
opinion viewpoint angle framing frame frames presented presents presentation judge judgement judgment
pejorative connotation negative positive neutral neutrality objective subjective bias biased partisan
propaganda manipulate manipulation persuade persuasion emotion emotions fear reliable reliability credible
credibility doubtful true false verify verification check checking compare comparison cross-check search
lateral reading reader readers audience exaggerate exaggeration downplay simplify insult name-calling
accuse accusation criticise criticize criticism suggest suggests imply implies show shows prove proves
explain explains report reports reported describe describes announce announces announced declare says said
write writes written mention mentions name names named attribute attributes leave leaves omit omits omitted
hide hides missing absence absent context nuance reality conclusion question answer example reason cause
effect side sides version source's website link links address date signed anonymous unknown owner publisher
internet web archives archive blog blogs billet réseau réseaux social sociaux twitter facebook youtube instagram
tiktok wikipedia bibliothèque moteur requête capture écran téléphone méthode méthodologie institut échantillon
sondé sondés sondage sondages marge erreur questionnaire panel représentatif crédit scène plateau émission
chaîne radio télévision télé interview entretien débat tribune éditorial chronique correspondant envoyé
rubrique une manchette bandeau intertitre encadré fil ligne éditoriale rédaction propriétaire actionnaire
financement financé subvention état gouvernement ministère ministre porte-parole parti politique politiques
pays international mondial monde diplomatique diplomatie relation relations dialogue conflit guerre paix
social network networks feed post posts tweet screenshot phone method sample panel margin error margins
pollster institute broadcast channel show program programme interview editorial column columnist
correspondent ownership owned funding funded government ministry minister spokesperson party policy
country international global diplomatic diplomacy relation relations dialogue conflict war peace
"""

_EVERYDAY = """
être avoir faire aller venir voir savoir pouvoir vouloir devoir falloir mettre prendre donner trouver penser
croire sembler paraître rester devenir tenir laisser rendre passer porter arriver partir comprendre connaître
demander répondre utiliser changer essayer garder aider montrer appeler commencer continuer finir suivre
chose choses gens personne personnes homme hommes femme femmes pays monde vie temps jour jours année années
fois moment partie fin début place exemple façon manière cas idée idées sens raison problème situation
vrai vraiment bien mal mieux plus moins très trop assez beaucoup peu encore déjà toujours jamais souvent
ici là maintenant alors ensuite enfin aussi ainsi donc comme quand pendant avant après depuis entre contre
autre autres même mêmes tel telle seul seule seulement certains certaines plusieurs chaque tout tous toute
toutes grand grande petit petite nouveau nouvelle premier première dernier dernière bon bonne mauvais
important importante clair claire exact exacte précis précise simple général générale possible probable
pourquoi comment parce puisque lorsque car si oui non peut-être plutôt surtout notamment justement
l'autre d'autres quelque quelques chacun rien tout-à-fait vraie réel réelle
be have do go come see know can could will would should must may might make take give find think
believe seem stay become keep let put get try help use change ask answer understand follow call start
thing things people person man men woman women country world life time day days year years way case idea
part end point problem situation reason really well better more less very too enough much many little
already always never often here there now then also so thus when while before after since between against
other others same such only some several each every all whole big small new first last good bad important
clear exact precise simple general possible likely why how because if yes maybe rather especially actually
ensemble fort forte faible grand gros long longue haut bas plein pleine vide entier entière propre seul
geste gestes action actions acte actes effort efforts travail manière moyen moyens façon fois étape étapes
groupe groupes partie parties côté côtés niveau niveaux nombre nombres rôle rôles place places lieu lieux
début milieu fin suite reste ensemble total ordre type types sorte sortes genre forme formes sujet sujets
prix valeur valeurs risque risques chance chances besoin besoins question questions choix décision décisions
aider permettre devenir sembler paraître arriver rester garder perdre gagner ajouter enlever retirer changer
affaiblir renforcer augmenter diminuer baisser monter tomber ouvrir fermer commencer arrêter finir cesser
continuer empêcher éviter refuser accepter choisir décider essayer réussir échouer obtenir recevoir envoyer
strong weak big large long high low full empty whole own alone act acts action actions effort work means
group groups part parts side level number role place places start middle end rest total order type kind
sort form subject price value risk chance need choice decision help allow lose win add remove change weaken
strengthen increase decrease rise fall open close begin stop finish cease continue prevent avoid refuse
accept choose decide try succeed fail get receive send
taille mesure mesurer mesuré moment période époque durée formulation formuler tournure courant poste fonction
métier identité nom prénom titre statut rang adresse contact lien preuve indice trace signe élément détail
détails précision précisions extrait passage morceau bout citation transcription enregistrement document
original copie version traduction résumé synthèse compte-rendu rapport bilan chiffre total pourcentage
moyenne majorité minorité échantillon personne personnes individu public population habitants citoyens
responsable responsables dirigeant dirigeants chef chefs auteur expert experts spécialiste témoin porte-parole
camp adversaire allié alliés ennemi partenaire voisin voisins pouvoir autorité autorités institution
organisation association entreprise société groupe parti mouvement opposition soutien critique crise problème
tension tensions menace danger risque sécurité défense armée armées soldat soldats troupe troupes militaire
militaires guerre conflit paix accord traité négociation négociations sommet réunion rencontre conférence
déclaration annonce discours propos parole paroles mot message appel promesse décision choix mesure politique
économie économique social sociale culture culturel histoire historique passé présent avenir futur hier
aujourd'hui demain semaine mois année date jour soir matin début fin suite cause causes raison raisons but
objectif intention volonté idée idées opinion avis pensée croyance doute certitude vérité mensonge erreur
faute exemple cas situation contexte cadre ensemble partie détail aspect côté manière façon sens effet
conséquence résultat changement évolution différence ressemblance comparaison contraste opposition lien
relation rapport ligne position attitude comportement réaction réponse geste gestes acte actes action
initiative démarche pression force faiblesse importance rôle place poids influence impact image réputation
crédit confiance méfiance respect peur colère inquiétude espoir émotion sentiment impression intérêt valeur
isolé isolés nombreux nombreuse nombreuses petit petits grand grands fort fragile solide vrai faux juste
exact précis flou vague clair clairement vraiment surtout seulement aussi encore déjà toujours jamais souvent
parfois rarement beaucoup peu plusieurs quelques certains autres même différent différents pareil semblable
fragiliser fragilise affaiblir affaiblit déstabiliser ébranler renverser soutenir défendre attaquer critiquer
reprocher accuser dénoncer condamner approuver refuser accepter nier confirmer démentir affirmer prétendre
supposer imaginer penser croire savoir ignorer cacher révéler montrer prouver expliquer décrire raconter
rapporter citer nommer désigner qualifier présenter répéter résumer traduire comparer vérifier chercher
trouver lire relire regarder écouter consulter contacter demander interroger
size measure measured period time length wording phrasing post job identity name status contact proof clue
trace sign element detail details precision excerpt passage piece transcript recording original copy version
translation summary report total percentage average majority minority sample person persons individual public
population citizens official officials leader leaders head expert experts specialist witness spokesperson
camp opponent ally allies enemy partner neighbour power authority authorities institution organisation
organization association company group party movement opposition support criticism crisis tension threat
danger risk security defence defense army soldier soldiers troop troops military war conflict peace agreement
treaty negotiation summit meeting conference declaration announcement speech words message call promise
decision policy economy history past present future yesterday today tomorrow week month purpose goal aim
intention will idea ideas belief doubt certainty truth lie mistake example case situation context aspect
manner meaning consequence result difference similarity contrast relation position attitude behaviour
behavior reaction response gesture gestures act acts initiative pressure strength weakness importance weight
influence impact image reputation trust distrust respect anger worry hope feeling impression interest
isolated numerous small fragile solid vague clearly mainly undermine weaken destabilise destabilize topple
support defend attack criticise reproach accuse denounce condemn approve deny confirm claim suppose imagine
reveal prove tell repeat summarise summarize translate look listen consult contact interview
"""


def _forms(text: str) -> frozenset[str]:
    found: set[str] = set()
    for word in text.split():
        for part in word.replace("'", " ").replace("’", " ").split():
            folded = part.casefold()
            found.add(strip_accents(folded))
            found.add(_lemma(folded))
    return frozenset(found)


ANALYSIS = _forms(_ANALYSIS)
EVERYDAY = ANALYSIS | _forms(_EVERYDAY)
