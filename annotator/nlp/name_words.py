"""The words the rules read about who is named: pronouns and titles, nouns for people and for
organisations, page furniture, and the predicates over them (``could_speak``, ``describes_person``).
The cue words and quotation marks are in ``lexicon``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# -- people and pronouns ---------------------------------------------------------------------

FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it"})
#: Pronouns that can stand for someone who reports something.
SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
GENDERED = MALE | FEMALE
MALE_TITLES = frozenset({
    "mr", "sir", "lord", "king", "prince", "father", "spokesman", "chairman", "mister", "congressman",
    "businessman", "councilman", "duke", "emperor", "baron", "brother", "uncle",
})
FEMALE_TITLES = frozenset({
    "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "spokeswoman", "chairwoman", "madam",
    "congresswoman", "businesswoman", "councilwoman", "duchess", "empress", "baroness", "sister", "aunt",
    "mother", "actress",
})
#: Words before a name that are not part of it.
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "minister",
    "secretary", "spokesperson", "spokesman", "spokeswoman", "chancellor", "senator", "sen",
    "rep", "representative", "governor", "gov", "mayor", "general", "gen", "colonel", "col",
    "captain", "capt", "judge", "justice", "king", "queen", "prince", "princess", "pope",
    "chairman", "chairwoman", "chair", "director", "ceo", "chief", "leader", "premier", "ambassador",
    "commissioner", "deputy", "vice", "prime", "foreign", "defense", "defence", "finance", "st",
    "saint", "father", "rev", "reverend", "coach", "officer", "sheriff", "attorney", "inspector",
    "councillor", "cllr", "councilor", "councilman", "councilwoman", "alderman", "professor",
    "congressman", "congresswoman", "assemblyman", "assemblywoman", "mp", "mep", "bishop",
    "archbishop", "cardinal", "rabbi", "imam", "sergeant", "sgt", "lieutenant", "lt", "major", "maj",
    "admiral", "adm", "corporal", "cpl", "detective", "det", "constable", "superintendent", "supt",
    "commander", "cmdr", "marshal", "magistrate", "dean", "baroness", "baron", "duke", "duchess",
})
#: Titles that only ever stand before a person's name.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady"})
#: Nationality nouns for one person (``the Dane said``); ``-ian``/``-ese`` words tagged NORP count too.
DEMONYMS = frozenset({
    "dane", "swede", "finn", "pole", "turk", "greek", "brit", "briton", "scot", "scotsman", "welshman",
    "irishman", "frenchman", "frenchwoman", "dutchman", "englishman", "englishwoman", "spaniard", "kiwi",
    "aussie", "serb", "croat", "czech", "slovak", "thai", "argentine", "filipino", "iraqi", "israeli",
    "pakistani", "saudi", "somali", "yemeni", "bangladeshi", "nepali", "kenyan", "american", "german",
    "italian", "russian", "ukrainian", "canadian", "australian", "indian", "brazilian", "mexican",
    "nigerian", "norwegian", "belgian", "austrian", "hungarian", "romanian", "chinese", "japanese",
    "portuguese", "vietnamese", "lebanese", "senegalese", "sudanese", "icelander", "new zealander",
})
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee", "ive")
PERSON_NOUNS = frozenset({
    "coach", "chief", "boss", "star", "veteran", "mother", "father", "wife", "husband", "son",
    "daughter", "brother", "sister", "official", "spokesperson", "spokesman", "spokeswoman", "actor",
    "actress", "pilot", "nurse", "doctor", "judge", "mayor", "minister", "chef", "artist", "host",
    "head", "aide", "ally", "rival", "widow", "survivor", "victim", "captain", "midfielder", "goalkeeper",
    "striker", "defender", "champion", "winner", "candidate", "senator", "governor", "ceo", "founder",
    "owner", "teenager", "girl", "boy", "pensioner", "resident", "novelist", "poet", "singer", "rapper",
    # nouns for people that end in no person suffix (``critics``, ``analysts``, ``sources``, ``friends``):
    # on train's tuning part a cue verb with one of the ten commonest as subject is a gold cue 143 times in 194
    "critic", "analyst", "friend", "source", "advocate", "secretary", "attorney", "delegate", "superdelegate",
    "colleague", "pundit", "scholar", "diplomat", "witness", "citizen", "millennial", "democrat", "republican",
    "liberal", "insider", "partisan", "loyalist", "neighbour",
})
#: Head nouns of a speaker that is a text or a thing, not a person: left unresolved.
NOT_A_PERSON = frozenset({
    "report", "study", "statement", "survey", "data", "document", "letter", "paper", "analysis",
    "filing", "ruling", "memo", "poll", "website", "email", "release", "note", "order", "number",
    "figure", "figures", "review", "inquiry", "research", "plan", "budget", "law", "bill", "court",
    "matter", "spokesperson's", "center", "centre", "register", "computer", "tracker", "monitor",
})
#: Determiners of a description that introduces a new, unnamed referent.
INDEFINITE = frozenset({"a", "an", "another", "one", "two", "three", "four", "several", "some", "other",
                        "many", "few", "sources", "people"})

# -- organisations ---------------------------------------------------------------------------

#: Head nouns of a description that names an organisation, never a person (``the ministry said``).
ORGANISATION_NOUNS = frozenset({
    "group", "company", "firm", "ministry", "department", "agency", "government", "council", "club",
    "team", "bank", "union", "party", "committee", "commission", "court", "police", "office", "board",
    "authority", "airline", "carrier", "retailer", "network", "broadcaster", "newspaper", "charity",
    "organisation", "organization", "association", "federation", "league", "institute", "university",
    "school", "hospital", "trust", "foundation", "regulator", "watchdog", "army", "military", "embassy",
    "administration", "cabinet", "parliament", "senate", "campaign", "coalition", "alliance",
    "consortium", "startup", "maker", "manufacturer", "insurer", "lender", "operator", "supplier",
    "business", "corporation", "service", "force", "unit", "secretariat", "tribunal", "studio", "label",
})
#: Speaker nouns for a business, resolved to the ORG last introduced as one.
COMPANY_NOUNS = frozenset({"company", "firm", "group", "business", "corporation", "companies"})
#: Nouns that introduce an ORG as a business (``the brewer Hollins & Grey``).
BUSINESS_NOUNS = frozenset({
    "brewer", "retailer", "airline", "carrier", "bank", "lender", "insurer", "maker", "manufacturer",
    "supermarket", "chain", "operator", "developer", "publisher", "startup", "giant", "conglomerate",
    "supplier", "producer", "miner", "distributor", "carmaker", "automaker", "drugmaker", "builder",
    "housebuilder", "grocer", "broadcaster", "utility", "distiller", "brand", "outfit", "company", "firm",
})
#: Role nouns before a name that belong to a business, not a person (``the carrier Delta``).
BUSINESS_ROLES = frozenset({
    "carrier", "retailer", "lender", "insurer", "operator", "supplier", "manufacturer", "developer",
    "publisher", "broadcaster", "brewer", "producer", "distributor", "builder", "housebuilder", "grocer",
    "miner", "maker", "carmaker", "drugmaker", "distiller", "owner", "provider", "trader", "exporter",
    "importer", "player", "partner", "investor", "buyer", "seller", "sponsor", "rival", "competitor",
})
#: Words after a name that make it a company or a club (``Brentford FC``, ``Acme Ltd``).
ORG_SUFFIXES = frozenset({"fc", "afc", "cf", "ltd", "inc", "plc", "llc", "corp", "co", "gmbh", "ag", "sa",
                          "nv", "bv", "spa", "limited", "incorporated", "corporation", "holdings", "group"})
#: Last words of a multi-word name that make it an organisation (``Leeds United``, ``Royal Opera``).
ORG_NAME_ENDINGS = frozenset({
    "united", "city", "fc", "afc", "rovers", "athletic", "opera", "association", "service", "society",
    "council", "party", "group", "ltd", "plc", "inc", "wanderers", "albion", "hotspur", "county", "rangers",
    "ballet", "orchestra", "trust", "union", "federation", "authority", "agency", "commission", "institute",
    "foundation", "corporation", "company", "limited", "llc", "university", "college", "hospital", "club",
})
#: Nouns after ``X's`` that belong to an organisation, not a person (``Brentford's squad``).
OWNED_BY_ORGS = frozenset({
    "manager", "chairman", "board", "squad", "players", "fans", "stadium", "shares", "headquarters",
    "profits", "profit", "revenue", "staff", "employees", "workers", "customers", "owners", "shareholders",
    "ground", "academy", "subsidiary", "chief", "spokesperson", "spokesman", "spokeswoman", "executives",
})
#: Initials are taken from a long name without these (``European Space Agency`` → ESA).
NAME_GLUE = frozenset({"of", "the", "and", "for", "&", "de", "on", "in"})

# -- page furniture --------------------------------------------------------------------------

#: Words that end in a colon at the start of a line without being a speaker's name.
HEADLINE_LABELS = frozenset({
    "update", "updated", "note", "editor", "editors", "photo", "photos", "source", "sources",
    "read", "watch", "video", "related", "breaking", "exclusive", "live", "analysis", "opinion",
    "comment", "tags", "tag", "topics", "see", "also", "warning", "caption", "credit", "image",
    "file", "pictured", "listen", "subscribe", "correction", "disclaimer", "summary", "background",
    "context", "q", "a", "question", "answer", "by", "date", "time", "location", "category",
    "published", "posted", "copyright", "more", "explainer", "factbox", "timeline", "graphic",
})


# -- predicates ------------------------------------------------------------------------------

def is_demonym(token: Token) -> bool:
    """``Dane``, ``Norwegian``: a nationality noun standing for one person."""
    return token.lower_ in DEMONYMS or token.ent_type_ == "NORP" and token.tag_ == "NNP" \
        and token.lower_.endswith(("ian", "ese", "an", "i"))


def describes_person_word(token: Token) -> bool:
    """A noun for a person (``scientist``, ``researchers``, ``spokesperson``), whatever its determiner."""
    word = token.lemma_.lower() or token.lower_
    if is_demonym(token) or word in PERSON_NOUNS or token.lower_ in PERSON_NOUNS:
        return True
    return word not in NOT_A_PERSON and word.endswith(PERSON_SUFFIXES + ("people", "expert", "staff"))


def is_person_role(token: Token) -> bool:
    """A lower-case noun for a person's role right before a name (``director``, ``striker``)."""
    if token.pos_ != "NOUN" or not token.text.islower() or token.lower_ in ORGANISATION_NOUNS \
            or token.lower_ in BUSINESS_ROLES:
        return False
    return token.lower_ in TITLES or token.lower_ in PERSON_NOUNS or \
        token.lower_.endswith(("ist", "ian", "or", "er", "ess")) and token.lower_ not in NOT_A_PERSON


def another_speaker(subject: Token | None) -> bool:
    """A subject reported on by the writer: not missing, not ``I``/``you``/``we``, not a relative
    ``which``/``who`` (the rule that reads the relative clause answers for it)."""
    return subject is not None and subject.lower_ not in FIRST_SECOND_PERSON and subject.tag_ not in ("WDT", "WP")


def could_speak(subject: Token) -> bool:
    """A subject that can report something: a person, an organisation or a pronoun for one, not a
    thing (``the research``, ``a discovery``, ``it``)."""
    if subject.lower_ in SPEAKING_PRONOUNS:
        return True
    if subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subject.pos_ == "PROPN":
        return True
    if subject.pos_ != "NOUN":
        return False
    return describes_person_word(subject) or subject.lower_ in ORGANISATION_NOUNS \
        or subject.lemma_.lower() in ORGANISATION_NOUNS


#: Texts and measures that news reports as saying or judging (``the poll found``, ``the ad attacks
#: the senator``, ``the lawsuit accuses the firm of fraud``): a source of their own in the news
#: attribution corpora, though no person.
REPORTING_THINGS = frozenset({"poll", "survey", "report", "statement", "ad", "email", "lawsuit", "letter", "study",
                              "video", "analysis", "editorial", "memo", "complaint"})


#: Words for a share of a group (``most of the voters``, ``some``, ``half``, ``61 percent``): as the
#: subject of a cue verb, people (a cue with one as subject is a gold cue 122 times in 209 on train's
#: tuning part, "some" 29 of 49, "both" 13 of 16).
GROUP_SHARES = frozenset({"some", "many", "most", "both", "half", "majority", "percent", "%", "third", "quarter",
                          "none"})


def could_report(subject: Token) -> bool:
    """``could_speak``, a text or measure that reports (``REPORTING_THINGS``), or a share of a group
    (``GROUP_SHARES``)."""
    return could_speak(subject) or subject.pos_ == "NOUN" and subject.lemma_.lower() in REPORTING_THINGS \
        or subject.lemma_.lower() in GROUP_SHARES


def _description_head(span: Span) -> Token | None:
    """The head of ``the Dane`` / ``the 34-year-old striker`` (a description), else None."""
    if not len(span) or span[0].lower_ not in ("the", "a", "an", "this", "that"):
        return None
    return span.root


def describes_person(span: Span) -> bool:
    """A definite description of one person: a nationality or a role noun (``the striker``)."""
    head = _description_head(span)
    if head is None or head.tag_ in ("NNS", "NNPS") or head.lower_ in ORGANISATION_NOUNS:
        return False
    word = head.lower_
    if is_demonym(head) or word in PERSON_NOUNS or "-year-old" in span.text:
        return True
    return head.pos_ == "NOUN" and word not in NOT_A_PERSON and word.endswith(PERSON_SUFFIXES)


def describes_organisation(span: Span) -> bool:
    """``the group``, ``the company``, ``the Foreign Ministry``' short form: an organisation."""
    head = _description_head(span)
    return head is not None and head.lower_ in ORGANISATION_NOUNS


def organisation_nouns(span: Span) -> set[str]:
    return {t.lower_ for t in span if t.lower_ in ORGANISATION_NOUNS}
