"""Who acts and who is acted on, read off the dependency parse around a trigger.

Only heads are found here: the token that heads each argument's noun phrase.  Turning a head
into an Entity (names, pronouns, sector words) is the mention index's job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:
    from spacy.tokens import Token

from ..nlp import dateline_end

RELATIVE_PRONOUNS = {"that", "who", "which", "whom"}
CALL_ON_VERBS = {"call", "prevail"}  # "called on X to act": X is asked, and would act
GROUP_PREPS = ("between", "among", "amongst")  # "talks between A and B": both sides act
TARGET_PREPS = ("at", "on", "against", "to", "with", "into")


# "dozens of protesters", "a group of diplomats": the head names a quantity, the pobj the party
PARTITIVES = {
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "number",
    "group",
    "some",
    "many",
    "several",
    "scores",
    "score",
    "handful",
    "couple",
    "pair",
    "batch",
    "all",
    "most",
    "one",
    "two",
    "three",
    "few",
}


def through_partitive(tok):
    """The noun a quantity phrase is about ("dozens of students" -> students), else tok."""
    if tok.lemma_.lower() in PARTITIVES or tok.lower_ in PARTITIVES or tok.pos_ == "NUM":
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return tok


def stranded_subject(verb) -> Optional[Token]:
    """The subject the parser hung on the first clause's object in "Moscow denied any role and
    Trump has dismissed the report": "Trump" becomes a conjunct of "role" and "dismissed" a
    subjectless conjunct of "denied".  A noun conjunct followed at once by the auxiliary of such
    a verb can only be that verb's subject (an object is never followed by "has")."""
    if verb.dep_ != "conj" or _children(verb, "nsubj", "nsubjpass", "expl"):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not auxes:
        return None
    first = min(auxes, key=lambda t: t.i)
    if first.i == 0:
        return None
    prev = first.doc[first.i - 1]
    if prev.pos_ in ("PROPN", "NOUN") and prev.dep_ == "conj" and prev.i < verb.i:
        return prev
    return None


def _opens_clause(noun) -> bool:
    """`noun` is in truth the subject of the next clause (see stranded_subject)."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if nxt is None or nxt.dep_ not in ("aux", "auxpass"):
        return False
    found = stranded_subject(nxt.head)
    return found is not None and found.i == noun.i


def with_conjuncts(tok) -> list:
    """The token and everything coordinated with it ("France and Britain" -> both)."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop(0)
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj" and not _opens_clause(c)]
        # "Saudi Arabia, the UAE, Bahrain and Egypt": the parser often makes the second item
        # an apposition that holds the rest of the list; a true apposition has no conjuncts
        todo += [
            c for c in t.children if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)
        ]
    return out


def complements(verb) -> list:
    """Infinitival complements: xcomp children, and an infinitive the parser attached as an
    adverbial clause when a phrase came between ("threatened on Wednesday to fire"), as long
    as the verb has no object or xcomp that would make it a purpose clause instead."""
    if verb.pos_ == "NOUN":  # "calls from senators to step down": an infinitival acl,
        # or the infinitive the parser hung on the verb whose object the noun is ("faced
        # calls to resign")
        hosts = [verb] + ([verb.head] if verb.dep_ == "dobj" else [])
        return [
            c
            for h in hosts
            for c in _children(h, "acl", "xcomp", "advcl")
            if c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]
    xcomps = _children(verb, "xcomp")
    if xcomps or _children(verb, "dobj"):
        return xcomps
    return [
        c
        for c in _children(verb, "advcl")
        if c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _children(tok, *deps: str) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def pobjs(tok, preps: Iterable[str]) -> list:
    """Objects of the token's prepositions named in `preps` (also under particles/datives)."""
    wanted = set(preps)
    heads = _children(tok, "prep", "agent", "dative", "prt")
    heads += [g for h in heads if h.dep_ == "prt" for g in _children(h, "prep")]
    return [g for h in heads if h.lower_ in wanted for g in _children(h, "pobj")]


def _antecedent(tok, clause) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if tok.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
        return clause.head
    return tok


# Texts that "demand", "call for" or "condemn" on behalf of whoever adopted them, and the
# verbs that make someone their author (not "vetoed" or "rejected": those oppose the text).
DOCUMENT_NOUNS = {
    "resolution",
    "statement",
    "declaration",
    "communique",
    "communiqué",
    "law",
    "bill",
    "decree",
    "motion",
    "letter",
    "report",
    "text",
    "measure",
    "order",
}
AUTHORING_VERBS = {
    "adopt",
    "pass",
    "approve",
    "issue",
    "release",
    "publish",
    "sign",
    "draft",
    "table",
    "introduce",
    "propose",
    "unveil",
    "send",
    "write",
    "sponsor",
}


def _author(noun, depth: int) -> list:
    """For a document adopted, passed or issued by someone ("the Council adopted a resolution
    that demands ..."): the one who adopted it acts through it; else the noun itself."""
    verb = noun.head
    if (
        noun.lemma_.lower() in DOCUMENT_NOUNS
        and noun.dep_ in ("dobj", "nsubjpass")
        and verb.lemma_.lower() in AUTHORING_VERBS
        and verb.i != noun.i
    ):
        found = subject_heads(verb, depth + 1)
        if found:
            return found
    return [through_partitive(noun)]


def subject_heads(verb, depth: int = 0) -> list:
    """Heads of the agent of `verb`, following control, coordination and relative clauses."""
    if depth > 6:  # parses can chain conj/xcomp; a bound keeps bad ones finite
        return []
    if is_passive(verb):
        # "the files that he said were stolen by hackers": the parser can make the relative
        # pronoun of a passive clause its nsubj; the by-phrase is the agent all the same
        agent = pobjs(verb, ["by"])
        if agent:
            return agent
    subj = _children(verb, "nsubj", "csubj")
    if len(subj) > 1:
        # "a deadline which, if missed, the UN will impose sanctions": the parser makes both
        # the relative pronoun and the clause's own subject subjects; the own one acts
        subj = [t for t in subj if t.lower_ not in RELATIVE_PRONOUNS] or subj
        # "LONDON (Reuters) - Trump sparked ...": the dateline is parsed as a second subject
        subj = [t for t in subj if t.i >= dateline_end(t.doc)] or subj
    if subj:
        ante = _antecedent(subj[0], verb)
        if ante.i != subj[0].i:
            return _author(ante, depth)
        return [through_partitive(subj[0])]
    if is_passive(verb):
        return pobjs(verb, ["by"])
    stranded = stranded_subject(verb)
    if stranded is not None:
        return [through_partitive(stranded)]
    head, dep = verb.head, verb.dep_
    if head.i == verb.i:
        return []
    if dep == "xcomp":
        # object control ("urged Iran to halt"): the controller is the object, or the
        # passive subject ("Iran was urged to halt"); otherwise subject control.
        ctrl = _children(head, "dobj") or (_children(head, "nsubjpass") if is_passive(head) else [])
        if not ctrl and head.lemma_.lower() in CALL_ON_VERBS:
            # "called on Moscow to lift the blockade"; not "called on Monday to ..."
            ctrl = [t for t in pobjs(head, ["on", "upon"]) if t.ent_type_ not in ("DATE", "TIME")]
        return ctrl[:1] or subject_heads(head, depth + 1)
    if dep == "conj" and verb.tag_ == "VBG" and head.tag_ != "VBG":
        # "a resolution calling X occupied, and demanding a halt": the parser hangs the
        # second participle on the main verb; it continues the first one
        twin = next(
            (t for t in head.subtree if t.i < verb.i and t.dep_ == "acl" and t.tag_ == "VBG"), None
        )
        if twin is not None:
            return _author(twin.head, depth)
    if dep in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return subject_heads(head, depth + 1)
    if dep == "ccomp" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].dep_ == "cc":
        # "saying the war was over and urging them to stay": after a quote the parser hangs
        # the second participle inside the first one's clause; it continues the first one
        return subject_heads(head, depth + 1)
    if dep == "acl" and verb.tag_ == "VBN":
        # "an engineer seized by rebel fighters", "EU tariffs imposed on steel": the agent
        # is the by-phrase, else whoever the modified noun names as its owner
        return pobjs(verb, ["by"]) or noun_actor_heads(head, ())
    if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # "warned Ukraine against joining NATO", "blocked the ministry from deporting them":
        # the one warned or blocked would act; "joined France in urging Iran to halt":
        # the subject of the verb the preposition hangs from
        obj = _children(head.head, "dobj")
        if obj and head.lower_ in ("against", "from"):
            return obj[:1]
        return subject_heads(head.head, depth + 1)
    if dep == "relcl" or (dep == "acl" and verb.tag_ == "VBG"):
        # "the troops (that) attacked", "forces attacking the city", "a resolution demanding"
        return _author(head, depth)
    if verb.pos_ in ("ADJ", "ADP") and dep in ("acomp", "pcomp", "prep", "advmod", "xcomp"):
        return subject_heads(head, depth + 1)  # "Iran is about to restore", "able to", "ready to"
    if dep == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "Iran's decision to withdraw", "(the US was) considering a plan to strike"
        owner = _children(head, "poss")
        if owner:
            return owner[:1]
        if head.dep_ in ("dobj", "pobj") and head.head.pos_ == "VERB":
            return subject_heads(head.head, depth + 1)
    return []


def object_heads(verb) -> list:
    """The thing or party acted on: the object, or the subject of a passive."""
    objs = [through_partitive(t) for t in _children(verb, "dobj")]
    if is_passive(verb):
        objs += [_antecedent(t, verb) for t in _children(verb, "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the village shelled by the army"
        objs.append(verb.head)
    if not objs:
        # "rammed and seized three ships": verbs joined with no subject of their own share
        # the last one's object
        conj = [c for c in _children(verb, "conj") if c.pos_ == "VERB"][:1]
        if conj and not _children(conj[0], "nsubj", "nsubjpass"):
            objs = [through_partitive(t) for t in _children(conj[0], "dobj")]
    return objs


def verb_recipient_heads(verb, slots: tuple[str, ...], used: tuple) -> list:
    out: list = []
    if "dobj" in slots:
        out += [t for t in object_heads(verb) if t not in used]
    if "dative" in slots:
        out += [t for t in _children(verb, "dative") if t.pos_ != "ADP"]
    if "ccomp" in slots:  # "demanded that Lam resign": the one asked is the clause's subject
        # (a noun's that-clause is often parsed as acl: "the demand that Ankara extradite")
        out += [
            t
            for c in _children(verb, "ccomp", "acl")
            for t in _children(c, "nsubj")
            if c.dep_ == "ccomp" or any(m.lower_ == "that" for m in _children(c, "mark"))
        ]
    if "objmod" in slots:  # "expelled the Israeli ambassador": the envoy's country
        for t in used:
            mods = _children(t, "amod", "compound", "nmod")
            # the noun itself resolves through its modifier ("Israeli ambassador" -> ISR);
            # "its ambassador" (no modifier) would only name the actor again
            out += ([t] if mods else []) + mods
    preps = [s for s in slots if s not in ("dobj", "dative", "ccomp", "objmod")]
    # "imposed sanctions on Iran": the preposition may hang off the verb or its object
    hosts = [verb, *used]
    # "send $400 million in military aid to Ukraine": an amount's "in" phrase names what is
    # sent, and the recipient often hangs off that
    hosts += [g for t in used if t.ent_type_ == "MONEY" for g in pobjs(t, ["in"])]
    hosts += [
        g
        for t in used
        if t.ent_type_ == "MONEY" and t.head.i == verb.i
        for g in pobjs(verb, ["in"])
    ]
    for host in hosts:
        out += pobjs(host, preps)
    return out


# Verbs whose subject undergoes the nominal event: "Russia will face sanctions".
UNDERGOING_VERBS = {"face", "suffer", "receive", "undergo", "endure", "risk", "escape"}


# Prepositions that make a verb's subject take part in the nominal event they introduce
# ("engaged in negotiations", "took part in the talks", "entered into talks").
TAKING_PART = ("in", "into")


def light_verb(noun, lexicon) -> Optional[Token]:
    """The verb a nominal event is the object of, when that verb is not an event itself
    ("launched an attack", "held talks", "engaged in negotiations"): its subject is the
    nominal event's actor."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and lexicon.match(head) is None:
        return head
    if noun.dep_ == "pobj" and head.lower_ in TAKING_PART and head.dep_ == "prep":
        verb = head.head
        if verb.pos_ == "VERB" and lexicon.match(verb) is None and not _children(verb, "dobj"):
            return verb
    if noun.dep_ == "pobj" and head.lower_ == "with" and head.dep_ == "prep":
        # the means of an act: "stunned its allies with a condemnation of Turkey", "responded
        # with a barrage of rockets": who does the verb did the noun
        verb = head.head
        if verb.pos_ == "VERB" and lexicon.match(verb) is None:
            return verb
    for clause in _children(noun, "relcl"):
        # "a call she had with her counterpart", "the talks they held": the relative
        # clause is the light verb, with the noun as its object
        if (
            clause.pos_ in ("VERB", "AUX")
            and clause.lemma_.lower() in RELATIVE_LIGHT_VERBS
            and all(o.lower_ in RELATIVE_PRONOUNS for o in _children(clause, "dobj"))
        ):
            return clause
    return None


RELATIVE_LIGHT_VERBS = frozenset({"have", "hold", "conduct", "attend", "stage", "host"})


# Prepositions that set a clause in a meeting or visit: "during a visit to X", "at talks in Y".
SETTING_PREPS = ("during", "at", "after", "following", "on", "in")


def setting_verb(noun: Token) -> Optional[Token]:
    """The verb of the clause a nominal event is the setting of ("during a visit to
    Syria, France praised the truce"), or None."""
    prep = noun.head
    if noun.dep_ != "pobj":
        return None
    if prep.head.dep_ == "prep" and prep.head.lower_ in SETTING_PREPS:
        prep = prep.head  # a stray preposition in between ("during to a visit")
    if prep.dep_ == "prep" and prep.lower_ in SETTING_PREPS and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None


def noun_actor_heads(noun, used: tuple, modifiers: bool = True, from_ok: bool = True) -> list:
    """Possessor ("Obama's visit"), a by-phrase ("an attack by rebels"), a from-phrase
    ("calls from senators", "criticism from allies") unless `from_ok` is off (a withdrawal
    from Syria leaves the place it names), or a name or
    demonym in front ("U.S. sanctions", "Israeli airstrikes") unless `modifiers` is off
    (meetings are named for where they happen: "the Paris summit")."""
    found = _children(noun, "poss") + pobjs(noun, ["by"] + (["from"] if from_ok else []))
    if modifiers:
        found += [c for c in _children(noun, "compound", "amod", "nmod") if c not in used]
    return found


def owner_modifiers(heads) -> list:
    """Country words on what an event is done to: "seized three Ukrainian navy ships",
    "blocked Sweden's bid", "tariffs on Chinese goods", "imports of American soybeans".
    The owner of the thing acted on is the event's recipient when no party is named."""
    things = list(heads)
    things += [g for h in heads for g in pobjs(h, ("of", *TARGET_PREPS))]
    return [m for t in things for m in _children(t, "amod", "compound", "poss", "nmod")]


def group_heads(tok) -> list:
    """Both sides of "between A and B" (pobj plus its conjuncts are expanded later)."""
    return pobjs(tok, GROUP_PREPS)
