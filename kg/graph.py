"""Stage 5: facts of all articles -> one RDF graph of statement nodes with provenance.

Every fact becomes a node of its CONTRACT.md class carrying ``prov:wasDerivedFrom`` (its
article) and ``fkg:evidence`` (its sentence). Persons are merged across articles here: a
bare surname joins the one full name that ends with it across the whole graph, and a person
gets the fullest name seen as ``rdfs:label`` and every other form as ``skos:altLabel``.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.facts import ArticleFacts, Contract, Departure, Fact, Membership, PersonAttribute, TransferLink
from kg.identifiers import article_iri, entity_iri, slug, statement_iri, story_iri
from kg.lexicon import Lexicon
from kg.vocab import FKG, bind_prefixes

STORES = {"memory": "default", "oxigraph": "Oxigraph"}
ENTITY_CLASS = {"Club": FKG.Club, "NationalTeam": FKG.NationalTeam, "League": FKG.League,
                "Organisation": FKG.Organisation, "Country": FKG.Country, "Outlet": FKG.Outlet,
                "Journalist": FKG.Journalist}
PERSON_CLASS = {"PlayerRole": FKG.Player, "YouthPlayerRole": FKG.Player, "LoanPlayerRole": FKG.Player,
                "ManagerRole": FKG.Manager, "CoachingStaffRole": FKG.Manager, "ExecutiveRole": FKG.Executive}


def new_graph(store: str = "memory") -> Graph:
    """An empty graph on the named store ("memory": rdflib's own; "oxigraph": Oxigraph via oxrdflib)."""
    from kg.errors import UnknownNameError

    if store not in STORES:
        raise UnknownNameError("store", store, list(STORES))
    return bind_prefixes(Graph(store=STORES[store]))


def gyear(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


class PersonMerger:
    """Decides, over all articles at once, which person keys are one person.

    "person/rudiger" (an article that only wrote the surname) joins the one full name ending
    with it; when several full names do ("Joao Silva", "Bernardo Silva"), the one that shares a
    club with what that article says of the bare name; else the bare name stays its own node,
    since two nodes are better than a wrong merge. Order-independent: the same articles in any
    order give the same merges and labels.
    """

    def __init__(self, items: Iterable[ArticleFacts]):
        names: dict[str, Counter] = defaultdict(Counter)
        clubs: dict[str, set] = defaultdict(set)  # person key -> clubs any fact ties them to
        local: dict[tuple, set] = defaultdict(set)  # (article, person key) -> clubs in that article
        for item in items:
            for key, forms in item.person_names.items():
                names[key].update(forms)
            for fact in item.facts:
                club = getattr(fact, "club", None) or getattr(fact, "to_club", None)
                if club:
                    clubs[fact.person].add(club)
                    local[(item.article.id, fact.person)].add(club)
        full = defaultdict(set)  # surname slug -> full-name keys
        for key in names:
            parts = key.split("/", 1)[1].split("-")
            if len(parts) >= 2:
                full[parts[-1]].add(key)
        self.target: dict[str, str] = {}
        for key in names:
            parts = key.split("/", 1)[1].split("-")
            owners = sorted(full.get(parts[0], set())) if len(parts) == 1 else []
            if len(owners) > 1:
                here = set().union(*(c for (_, k), c in local.items() if k == key))
                owners = [o for o in owners if clubs[o] & here]
            self.target[key] = owners[0] if len(owners) == 1 else key
        self.names: dict[str, Counter] = defaultdict(Counter)
        for key, counter in names.items():
            self.names[self.target[key]].update(counter)

    def __call__(self, key: str) -> str:
        return self.target.get(key, key)

    def label(self, key: str) -> tuple[str, list[str]]:
        counter = self.names.get(key)
        if not counter:
            return key.split("/", 1)[1].replace("-", " ").title(), []
        ranked = sorted(counter, key=lambda n: (-len(n.split()), -counter[n], n))
        return ranked[0], sorted(set(ranked[1:]))


def build_graph(items: list[ArticleFacts], lexicon: Lexicon, store: str = "memory") -> Graph:
    """Turn every article's facts into one graph.

    >>> from kg.pipeline import extract_article
    >>> from kg.articles import make_article
    >>> from kg.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> g = build_graph([extract_article(make_article("a", "Chelsea defender Joe Smith is 23.", "2024-01-01"), lex)], lex)
    >>> len(list(g.subjects(RDF.type, FKG.Membership)))
    1
    """
    graph = new_graph(store)
    merge = PersonMerger(items)
    used: dict[str, set] = defaultdict(set)  # entity key -> person classes
    triples: list[tuple] = []
    add = triples.append

    for item in sorted(items, key=lambda i: i.article.id):
        article = item.article
        a = article_iri(article.id)
        add((a, RDF.type, FKG.Article))
        add((a, DCTERMS.identifier, Literal(article.id)))
        if article.date:
            add((a, DCTERMS.date, Literal(article.date.isoformat(), datatype=XSD.date)))
        if article.title:
            add((a, DCTERMS.title, Literal(article.title)))
        if article.url:
            add((a, DCTERMS.source, Literal(article.url)))
        if article.source:
            outlet = _outlet_key(article.source, lexicon)
            used[outlet].add(FKG.Outlet)
            add((a, DCTERMS.publisher, entity_iri(outlet)))
        add((a, FKG.contentHash, Literal(item.content_hash)))
        for fact in item.facts:
            _fact_triples(fact, a, merge, used, add)

    for s, p, o in triples:
        graph.add((s, p, o))
    _entity_triples(graph, used, merge, lexicon, items)
    add_stories(graph)
    return graph


# How far a link has gone, to pick a story's latest status among reports of one date.
STATUS_RANK = {FKG.Denied: 0, FKG.Rumour: 1, FKG.Advanced: 2, FKG.Agreed: 3, FKG.Completed: 4}


def add_stories(graph: Graph) -> None:
    """Group every TransferLink of one person and one club into a fkg:Story, across articles.

    A story has its reports, their number, first and last report dates, outlets and latest
    status; it came true (fkg:fulfilledBy) when an article dated after its first report puts
    the person at the club: a current membership, or a completed move.
    """
    dates = {a: str(d) for a, d in graph.subject_objects(DCTERMS.date)}
    reports: dict[tuple, list] = defaultdict(list)
    arrivals: dict[tuple, list] = defaultdict(list)
    for s in graph.subjects(RDF.type, FKG.TransferLink):
        key = (graph.value(s, FKG.person), graph.value(s, FKG.toClub))
        date = dates.get(graph.value(s, PROV.wasDerivedFrom))
        status = graph.value(s, FKG.linkStatus)
        reports[key].append((date, status, s))
        if status == FKG.Completed and date:
            arrivals[key].append((date, str(s), s))
    for s in graph.subjects(RDF.type, FKG.Membership):
        if graph.value(s, FKG.current) == Literal(True):
            date = dates.get(graph.value(s, PROV.wasDerivedFrom))
            if date:
                arrivals[(graph.value(s, FKG.person), graph.value(s, FKG.club))].append((date, str(s), s))
    for (person, club), found in sorted(reports.items()):
        story = story_iri(person, club)
        graph.add((story, RDF.type, FKG.Story))
        graph.add((story, FKG.person, person))
        graph.add((story, FKG.toClub, club))
        graph.add((story, FKG.reportCount, Literal(len(found))))
        for _, _, s in found:
            graph.add((story, FKG.report, s))
            for reporter in graph.objects(s, FKG.reportedBy):
                graph.add((story, FKG.reportedBy, reporter))
        dated = sorted((d, STATUS_RANK.get(st, 0), st) for d, st, _ in found if d)
        if not dated:
            continue
        first, last = dated[0][0], dated[-1][0]
        graph.add((story, FKG.firstReported, Literal(first, datatype=XSD.date)))
        graph.add((story, FKG.lastReported, Literal(last, datatype=XSD.date)))
        graph.add((story, FKG.latestStatus, dated[-1][2]))
        later = sorted(a for a in arrivals.get((person, club), []) if a[0] > first)
        if later:
            graph.add((story, FKG.fulfilledBy, later[0][2]))


def _outlet_key(name: str, lexicon: Lexicon) -> str:
    ids = [i for i in lexicon.lookup(name) if i.startswith("outlet/")]
    return ids[0] if ids else f"outlet/{slug(name)}"


def side(key: str, used: dict) -> URIRef:
    """The node of a club-like key. A national side is its country's node, typed fkg:NationalTeam as
    well: articles and the gold name both by the country ("England manager"), and one node keeps
    a country's players, its nationals and its managers together instead of splitting them."""
    if key.startswith("team/"):
        key = "country/" + key.split("/", 1)[1]
        used[key].add(FKG.NationalTeam)
    else:
        used[key]
    return entity_iri(key)


def _fact_triples(fact: Fact, a: URIRef, merge: PersonMerger, used: dict, add) -> None:
    person = merge(fact.person)
    p = entity_iri(person)
    used[person].add(FKG.Person)
    ev = fact.evidence
    if isinstance(fact, PersonAttribute):
        if fact.attribute == "nationality":
            used[str(fact.value)].add(FKG.Country)
            add((p, FKG.nationality, entity_iri(str(fact.value))))
        elif fact.attribute == "position":
            add((p, FKG.position, FKG[str(fact.value)]))
        elif fact.attribute == "birth_year":
            add((p, FKG.birthYear, gyear(int(fact.value))))
        return
    content = {k: v for k, v in fact.__dict__.items() if k not in ("evidence", "implied")}
    content["person"] = person
    content["sentence"] = ev.sentence_index
    s = statement_iri(fact.kind, ev.article_id, content)
    add((s, FKG.person, p))
    add((s, PROV.wasDerivedFrom, a))
    add((s, FKG.evidence, Literal(ev.text)))
    add((s, FKG.sentenceIndex, Literal(ev.sentence_index)))
    if isinstance(fact, Membership):
        add((s, RDF.type, FKG.Membership))
        add((s, FKG.club, side(fact.club, used)))
        add((s, FKG.role, FKG[fact.role]))
        add((s, FKG.current, Literal(fact.current)))
        used[person].add(PERSON_CLASS[fact.role])
        for prop, value in ((FKG.startYear, fact.start), (FKG.endYear, fact.end)):
            if value is not None:
                add((s, prop, gyear(value)))
        for prop, value in ((FKG.appearances, fact.appearances), (FKG.goals, fact.goals)):
            if value is not None:
                add((s, prop, Literal(value)))
    elif isinstance(fact, Contract):
        add((s, RDF.type, FKG.Contract))
        add((s, FKG.club, side(fact.club, used)))
        if fact.expiry is not None:
            add((s, FKG.expiryYear, gyear(fact.expiry)))
        if fact.wage is not None:
            add((s, FKG.annualWage, Literal(f"{fact.wage:.2f}", datatype=XSD.decimal)))
            add((s, FKG.currency, Literal(fact.currency)))
            if fact.wage_period:
                add((s, FKG.wagePeriod, Literal(fact.wage_period)))
        if fact.status:
            add((s, FKG.contractStatus, FKG[fact.status.capitalize()]))
    elif isinstance(fact, TransferLink):
        add((s, RDF.type, FKG.TransferLink))
        add((s, FKG.toClub, side(fact.to_club, used)))
        if fact.from_club:
            add((s, FKG.fromClub, side(fact.from_club, used)))
        add((s, FKG.linkStatus, FKG[fact.status.capitalize()]))
        if fact.role:
            add((s, FKG.role, FKG[fact.role]))
            used[person].add(PERSON_CLASS[fact.role])
        if fact.fee is not None:
            add((s, FKG.fee, Literal(f"{fact.fee:.0f}", datatype=XSD.decimal)))
            add((s, FKG.currency, Literal(fact.currency)))
        for reporter in fact.reported_by:
            add((s, FKG.reportedBy, entity_iri(reporter)))
            used[reporter]
    elif isinstance(fact, Departure):
        add((s, RDF.type, FKG.Departure))
        add((s, FKG.club, side(fact.club, used)))


def _entity_triples(graph: Graph, used: dict, merge: PersonMerger, lexicon: Lexicon,
                    items: list[ArticleFacts]) -> None:
    """Types and labels of every entity the statements name."""
    sources = {i.article.source for i in items if i.article.source}
    surfaces: dict[str, set] = defaultdict(set)
    for item in items:
        for key, forms in item.surface_names.items():
            surfaces[key.replace("team/", "country/", 1)].update(forms)
    for key in sorted(used):
        iri = entity_iri(key)
        if key in lexicon.entries:
            entry = lexicon.entries[key]
            graph.add((iri, RDF.type, ENTITY_CLASS.get(entry.kind, FKG.Organisation)))
            if entry.kind == "Journalist":
                graph.add((iri, RDF.type, FKG.Person))
            for cls in sorted(used[key]):  # a country that is also a national side
                graph.add((iri, RDF.type, cls))
            graph.add((iri, RDFS.label, Literal(entry.label)))
            if FKG.NationalTeam in used[key]:
                graph.add((iri, SKOS.altLabel, Literal(f"{entry.label} national team")))
            # how articles wrote it ("Los Blancos", "Man City"), so queries find it by those names
            for form in sorted(surfaces.get(key, ())):
                if form != entry.label:
                    graph.add((iri, SKOS.altLabel, Literal(form)))
        elif key.startswith("person/"):
            label, others = merge.label(key)
            for cls in sorted(used[key] or {FKG.Person}):
                graph.add((iri, RDF.type, cls))
            graph.add((iri, RDF.type, FKG.Person))
            graph.add((iri, RDFS.label, Literal(label)))
            for other in others:
                graph.add((iri, SKOS.altLabel, Literal(other)))
        elif key.startswith("outlet/"):
            name = next((s for s in sorted(sources) if f"outlet/{slug(s)}" == key), key.split("/", 1)[1])
            graph.add((iri, RDF.type, FKG.Outlet))
            graph.add((iri, RDFS.label, Literal(name)))
