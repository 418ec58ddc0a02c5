"""Reading a short written answer the way a careful teacher skims it, before counting any keyword.

- **Negation**: which words sit in the scope of a negation ("Stoltenberg *n'a formulé aucune*
  critique", "it does *not* name its sources"), so that a rubric's words met under negation are not
  credited as if the student had said the opposite. "ne … que", "pas seulement", "not only" are not
  negations.
- **Grounding**: which content words belong neither to the lesson (its document and its own texts) nor
  to the vocabulary of analysis and everyday words. A sentence mostly made of such *foreign* words is
  about something else (a maths teacher, a cat, a football match), whatever rubric words it holds.
- **Shape**: a bare list of keywords is not an explanation.

Pure functions over ``medialit.language.words`` tokens; no lesson or rubric knowledge here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from medialit.language.sentences import sentences
from medialit.language.vocabulary import EVERYDAY
from medialit.language.words import STOPWORDS, Token, strip_accents, tokens

# Words that negate what follows them in their clause.
NEGATORS = frozenset(strip_accents(w) for w in """
    ne n pas jamais aucun aucune aucuns aucunes rien nul nulle nullement guere sans ni non
    not no never none nothing nobody without nor cannot neither
""".split())
# Negators that count only when a "ne" comes before them in the clause ("il n'y a plus" / "plus de").
NEEDS_NE = frozenset({"plus", "personne", "point"})
# Particles that close a French negation after the verb ("il critique pas", informal).
AFTER_VERB = frozenset({"pas", "jamais", "point"})
# English contractions split by the tokenizer: "doesn't" -> "doesn", "t".
CONTRACTED = frozenset("don doesn didn isn wasn aren weren won can couldn shouldn wouldn hasn haven hadn mustn".split())
# "not only", "pas seulement", "ne ... que": restrictions, not negations.
RESTRICTORS = frozenset(strip_accents(w) for w in "seulement uniquement simplement que qu only just merely".split())
STRONG_FR = frozenset("pas plus jamais rien aucun aucune personne guere point nullement".split())
CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]«»\"“”—–\n]")
CLAUSE_WORDS = frozenset("mais but car because parce cependant however pourtant tandis whereas although".split())
SCOPE = 8  # tokens after a negator that it may govern ("did not mention any of the Alliance's criticisms")
# A subordinate clause ends a negation's scope: "on ne sait pas [qui a fait le sondage]" negates the
# knowing, not the poll; "il n'y a aucune preuve [que …]".
SUBORDINATORS = frozenset(strip_accents(w) for w in """
    qui que qu quel quelle quels quelles quand où comment combien pourquoi si lequel laquelle lesquels dont
    who what which when where how why whether if that
""".split())
# Verbs that negate their complement: "Macron a exclu tout envoi de troupes" says no troops will be sent;
# negated ("il n'exclut pas l'envoi"), they cancel instead.
NEGATIVE_VERBS = frozenset(strip_accents(w) for w in """
    exclure écarter refuser rejeter nier démentir empêcher interdire renoncer abandonner
    exclude rule deny refuse reject prevent forbid abandon dismiss
""".split())
# Phrases that dismiss the very method or idea a question asks for ("pas besoin de vérifier", "rien ne
# manque"): an answer built around one says the opposite, whatever rubric words it also holds.
DISMISSALS = (
    "pas besoin", "inutile", "ne sert à rien", "ne servent à rien", "servent à rien", "sert à rien",
    "rien ne manque", "il ne manque rien", "ne manque rien", "aucun intérêt", "forcément vrai", "faire confiance",
    "se fier", "s'y fier", "pas la peine", "rien à vérifier", "tout y est", "tout est là", "tout est dit",
    "aucune raison de douter", "donc c'est fiable", "c'est forcément", "on peut le croire", "on peut la croire",
    "no need", "useless", "pointless", "nothing is missing", "nothing missing", "just trust", "no point",
    "not worth", "nothing to check", "everything is there", "no reason to doubt", "can be trusted",
    "we can trust", "so it is reliable", "so it's reliable", "must be true",
)
# Words after which a foreign word is read as a noun: "mon prof", "les frites", "the club".
DETERMINERS = frozenset(strip_accents(w) for w in """
    le la les l un une des du de d au aux mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
    ce cet cette ces the a an my your his her its our their this that these those
""".split())
NOUN_WEIGHT, OTHER_WEIGHT = 1.0, 0.35  # foreign nouns say what the answer is about; other words less


def _clause_ids(text: str, toks: list[Token]) -> list[int]:
    """A clause number for each token: punctuation and a few conjunctions start a new clause."""
    ids, clause = [], 0
    for i, tok in enumerate(toks):
        if i and (CLAUSE_BREAK.search(text[toks[i - 1].end:tok.start]) or tok.form in CLAUSE_WORDS):
            clause += 1
        ids.append(clause)
    return ids


def _is_negator(toks: list[Token], i: int, clause: list[int]) -> bool:
    form = toks[i].form
    if form == "t" and i and toks[i - 1].form in CONTRACTED:
        return True
    if form in NEEDS_NE:
        return any(toks[j].form in ("ne", "n") for j in range(i - 1, -1, -1) if clause[j] == clause[i])
    if form not in NEGATORS:
        return False
    following = toks[i + 1].form if i + 1 < len(toks) and clause[i + 1] == clause[i] else ""
    if following in RESTRICTORS and form in ("pas", "not", "non"):
        return False  # "pas seulement", "not only", "non seulement"
    if form in ("ne", "n"):  # "ne … que" restricts unless a real negation word follows in the clause
        rest = [toks[j].form for j in range(i + 1, len(toks)) if clause[j] == clause[i]]
        if any(r in ("que", "qu") for r in rest) and not any(r in STRONG_FR for r in rest):
            return False
    return True


# Negators that determine a noun ("aucune critique", "pas de consensus", "no plans", "sans source"): they negate
# that noun, not what follows it ("pas de consensus [sur l'envoi de troupes]").
DETERMINING = frozenset(strip_accents(w) for w in "aucun aucune aucuns aucunes nul nulle sans no without".split())
PARTITIVE = frozenset(("de", "d"))  # "pas de", "plus de", "jamais de"
POSSESSIVES = frozenset("sa son ses leur leurs its his her their".split())  # "ne cite jamais sa source"
NOUN_LEAD = frozenset(strip_accents(w) for w in
                      "de d le la les l un une des du tel tels telle telles ce cet cette ces the a an any more such"
                      .split())


def _determined(toks: list[Token], clause: list[int], i: int) -> int | None:
    """For a determining negator at ``i`` (or "pas/plus/jamais de"), the index of the noun it negates."""
    form = toks[i].form
    nxt = i + 1
    if form in ("pas", "plus", "jamais", "point") and nxt < len(toks) and toks[nxt].form in PARTITIVE:
        nxt += 1
    elif form not in DETERMINING:
        return None
    while nxt < len(toks) and clause[nxt] == clause[i] and toks[nxt].form in NOUN_LEAD:
        nxt += 1
    return nxt if nxt < len(toks) and clause[nxt] == clause[i] else None


def _reach(toks: list[Token], clause: list[int], i: int, negators: list[bool],
           nouns: dict[int, int] | None = None) -> list[int]:
    """The tokens a negator at ``i`` governs: the rest of its clause, up to ``SCOPE`` tokens, a subordinate,
    or the noun of a determining negator met on the way ("n'y a pas de consensus" stops at "consensus")."""
    nouns = nouns or {}
    if i in nouns:
        return [nouns[i]]
    governed = []
    for j in range(i + 1, min(len(toks), i + 1 + SCOPE)):
        if clause[j] != clause[i] or toks[j].form in SUBORDINATORS:
            break
        if j in nouns:
            governed.append(nouns[j])
            break
        if not negators[j]:
            governed.append(j)
    return governed


def negation_scope(text: str, toks: list[Token]) -> list[bool]:
    """For each token, whether a negation in its clause governs it (the negators themselves are not).

    "ne … pas" / "n' … aucune" is one negation, however many words; a determining negator ("aucune
    critique", "pas de consensus") negates its noun and stops there. A negative verb ("exclure", "rule
    out") negates its complement; negated itself, it cancels: what follows "il n'exclut pas" is not negated.
    """
    clause = _clause_ids(text, toks)
    negators = [_is_negator(toks, i, clause) for i in range(len(toks))]
    nouns = {i: n for i, is_neg in enumerate(negators) if is_neg and (n := _determined(toks, clause, i)) is not None}
    scope = [False] * len(toks)
    for i, is_neg in enumerate(negators):
        if is_neg:
            for j in _reach(toks, clause, i, negators, nouns):
                scope[j] = True
            if toks[i].form in AFTER_VERB and i and clause[i - 1] == clause[i] and not negators[i - 1]:
                scope[i - 1] = True  # "il critique pas" (no "ne"): the verb before is negated
    result = list(scope)
    for i, tok in enumerate(toks):
        if tok.lemma in NEGATIVE_VERBS or tok.form in NEGATIVE_VERBS:
            for j in _reach(toks, clause, i, negators):
                result[j] = not scope[i]  # "a exclu l'envoi": negated; "n'exclut pas l'envoi": not
    return result


def _lemma_phrase(phrase: str) -> str:
    return " ".join(t.lemma for t in tokens(phrase))


@dataclass(frozen=True)
class Hit:
    """Where a term was found: token indices [first, last], the sentence, and whether it is negated."""

    first: int
    last: int
    start: int
    end: int
    sentence: int
    negated: bool
    grounded: bool


class Reading:
    """One answer, read once: its tokens, sentences, negation scope and grounding in ``topic``.

    ``topic`` holds the lesson's words (plain forms and lemmas, without accents); words that are in
    neither ``topic``, the vocabulary of analysis and everyday words, nor the stop words, are *foreign*.
    """

    OFF_TOPIC_NOUNS = 2  # foreign nouns in a sentence: "mon prof de maths … les frites"
    OFF_TOPIC_SHARE = 0.15  # and their weight among the sentence's content words

    def __init__(self, text: str, topic: frozenset[str]) -> None:
        self.text = text
        self.topic = topic
        self.toks = tokens(text)
        spans = sentences(text) or [(0, len(text))]
        self.sentence_of = [next((k for k, (a, b) in enumerate(spans) if a <= t.start < b), len(spans) - 1)
                            for t in self.toks]
        self.sentence_count = len(spans)

    @cached_property
    def negated(self) -> list[bool]:
        return negation_scope(self.text, self.toks)

    def is_content(self, tok: Token) -> bool:
        return tok.form not in STOPWORDS and len(tok.form) >= 3 and not tok.form.isdigit()

    def is_foreign(self, tok: Token) -> bool:
        if not self.is_content(tok):
            return False
        known = self.topic | EVERYDAY
        return tok.form not in known and tok.lemma not in known

    @cached_property
    def foreign(self) -> list[bool]:
        return [self.is_foreign(t) for t in self.toks]

    def foreign_weight(self, i: int) -> float:
        """How much a foreign word says the answer is about something else: a noun most — after a determiner
        ("les frites", "le nouvel entraîneur")."""
        if not self.foreign[i]:
            return 0.0
        before = [self.toks[j].form for j in (i - 1, i - 2) if j >= 0 and self.sentence_of[j] == self.sentence_of[i]]
        if (before and before[0] in DETERMINERS) or (len(before) == 2 and before[1] in DETERMINERS):
            return NOUN_WEIGHT
        return OTHER_WEIGHT

    @cached_property
    def off_topic_sentences(self) -> frozenset[int]:
        """Sentences about something else: several foreign nouns, weighing enough among its words."""
        found = set()
        for k in range(self.sentence_count):
            content = [i for i, t in enumerate(self.toks) if self.sentence_of[i] == k and self.is_content(t)]
            weights = [self.foreign_weight(i) for i in content]
            nouns = sum(1 for w in weights if w == NOUN_WEIGHT)
            if content and nouns >= self.OFF_TOPIC_NOUNS and sum(weights) / len(content) >= self.OFF_TOPIC_SHARE:
                found.add(k)
        return frozenset(found)

    @cached_property
    def dismissal(self) -> str:
        """A phrase dismissing the method or the idea asked for ("pas besoin de vérifier"), or ""."""
        forms = f" {' '.join(t.form for t in self.toks)} "
        lemmas = f" {' '.join(t.lemma for t in self.toks)} "
        return next((d for d in DISMISSALS
                     if f" {strip_accents(d)} " in forms or f" {_lemma_phrase(d)} " in lemmas), "")

    @property
    def foreign_words(self) -> list[str]:
        return [self.text[t.start:t.end] for t, f in zip(self.toks, self.foreign, strict=True) if f]

    @property
    def off_topic(self) -> bool:
        """True when most of the answer's content words sit in sentences about something else."""
        content = [i for i, t in enumerate(self.toks) if self.is_content(t)]
        inside = [i for i in content if self.sentence_of[i] in self.off_topic_sentences]
        return bool(content) and len(inside) / len(content) >= 0.5

    @cached_property
    def negators(self) -> list[bool]:
        clause = _clause_ids(self.text, self.toks)
        return [_is_negator(self.toks, i, clause) for i in range(len(self.toks))]

    @cached_property
    def determined(self) -> frozenset[int]:
        """The nouns a determining negator negates ("aucune *critique*", "pas de *consensus*")."""
        clause = _clause_ids(self.text, self.toks)
        return frozenset(n for i, is_neg in enumerate(self.negators)
                         if is_neg and (n := _determined(self.toks, clause, i)) is not None)

    def directly_negated(self, i: int) -> bool:
        """A negation of the word itself: "aucune source", "pas de source", "jamais sa source" — not
        "ne rompt pas le dialogue", where the breaking is negated, not the dialogue."""
        if i in self.determined:
            return True
        return (i >= 2 and self.toks[i - 1].form in POSSESSIVES and self.negators[i - 2]
                and self.sentence_of[i - 2] == self.sentence_of[i])

    def hit(self, first: int, last: int) -> Hit:
        sentence = self.sentence_of[first]
        return Hit(first, last, self.toks[first].start, self.toks[last].end, sentence,
                   negated=self.negated[first],  # the head word: "ruled out" is not negated by its own "out"
                   grounded=sentence not in self.off_topic_sentences)
