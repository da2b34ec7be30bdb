"""Stage 4: one behaviour per test, on sentences written here (never the eval corpus)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kg.facts import Contract, Departure, Membership, PersonAttribute, TransferLink
from kg.extractors import get
from kg.errors import UnknownNameError


def only(facts, kind):
    return [f for f in facts if isinstance(f, kind)]


def spells(facts):
    return {(f.person, f.club, f.role, f.current) for f in only(facts, Membership)}


def links(facts):
    return {(f.person, f.to_club, f.from_club, f.status, f.role) for f in only(facts, TransferLink)}


def test_extractors_never_touch_rdflib():
    folder = Path(__file__).parent.parent / "kg" / "extractors"
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text())
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | \
                   {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not any(str(m).startswith("rdflib") for m in imported), path


def test_extractors_registry_lists_known_names_on_a_miss():
    with pytest.raises(UnknownNameError, match="known: attributes, contract, departure, membership, transfer"):
        get("contracts")


# One shape each: the sentence, and the spell it must give (person, club, role, current).
@pytest.mark.parametrize("text, spell", [
    pytest.param("Chelsea defender Karl Brenner was injured.",
                 ("person/karl-brenner", "club/chelsea", "PlayerRole", True),
                 id="club_role_before_name"),
    pytest.param("Former Everton boss Jon Doyle watched the game.",
                 ("person/jon-doyle", "club/everton", "ManagerRole", False),
                 id="former_manager"),
    pytest.param("Arsenal legend Karl Brenner has retired.",
                 ("person/karl-brenner", "club/arsenal", "PlayerRole", False),
                 id="legend_is_a_past_spell"),
    pytest.param("Fulham chairman Jon Doyle spoke on Friday.",
                 ("person/jon-doyle", "club/fulham", "ExecutiveRole", True),
                 id="executive"),
    pytest.param("England manager Jon Doyle named his squad.",
                 ("person/jon-doyle", "team/england", "ManagerRole", True),
                 id="national_team_manager"),
    pytest.param("Leeds forward Karl Brenner scored. Brenner's contract with Leeds United runs until 2026.",
                 ("person/karl-brenner", "club/leeds-united", "PlayerRole", True),
                 id="contract_held_puts_the_player_at_the_club"),
    pytest.param("Jon Doyle was named Fulham caretaker manager following the departure of Karl Brenner.",
                 ("person/karl-brenner", "club/fulham", "ManagerRole", False),
                 id="departure_of_a_manager"),
    pytest.param("Jon Doyle, Liverpool's sporting director, had been in discussions.",
                 ("person/jon-doyle", "club/liverpool", "ExecutiveRole", True),
                 id="apposition_with_a_possessive_club"),
    pytest.param("Liverpool will not offload one of their current midfielders such as Karl Brenner.",
                 ("person/karl-brenner", "club/liverpool", "PlayerRole", True),
                 id="current_players_such_as"),
    pytest.param("Jon Doyle has been mooted as a possible successor to Karl Brenner when the Italian's contract with "
                 "Los Blancos expires in 2024.",
                 ("person/karl-brenner", "club/real-madrid", "ManagerRole", True),
                 id="the_one_to_succeed_holds_the_job"),
    pytest.param("Karl Brenner, then a France Under-19 international, made his first-team breakthrough at Laval.",
                 ("person/karl-brenner", "club/stade-lavallois", "PlayerRole", False),
                 id="a_past_spell_read_across_an_apposition"),
    pytest.param("Former Everton midfielder Karl Brenner scored his first goal for Sevilla on Sunday.",
                 ("person/karl-brenner", "club/sevilla", "PlayerRole", True),
                 id="first_goal_for_a_club_with_his"),
    pytest.param("The club will build around Karl Brenner, a Chelsea academy graduate who joined Lille in 2019.",
                 ("person/karl-brenner", "club/chelsea", "YouthPlayerRole", False),
                 id="an_academy_graduate_in_apposition_with_a_clause_after"),
    pytest.param("Bayern Munich's director of sport Jon Doyle praised the deal.",
                 ("person/jon-doyle", "club/bayern-munchen", "ExecutiveRole", True),
                 id="director_of_sport_before_a_name"),
    pytest.param("Arsenal, still managed by Jon Doyle then, were scouting Karl Brenner.",
                 ("person/jon-doyle", "club/arsenal", "ManagerRole", False),
                 id="a_club_still_managed_by_someone_then"),
    pytest.param("Jon Doyle was the manager who brought Karl Brenner to Lille - but was sacked in November.",
                 ("person/jon-doyle", "club/lille-osc", "ManagerRole", False),
                 id="the_manager_who_brought_him_and_was_sacked"),
    pytest.param("Jon Doyle, Liverpool's sporting director, had talks with his counterpart at Bayern, Karl Brenner, "
                 "and made a breakthrough.",
                 ("person/karl-brenner", "club/bayern-munchen", "ExecutiveRole", True),
                 id="a_counterpart_holds_the_same_job_elsewhere"),
    pytest.param("Harry Brenner has been superb in his role as Bayern Munich's top-notch goalscorer.",
                 ("person/harry-brenner", "club/bayern-munchen", "PlayerRole", True),
                 id="a_role_as_a_clubs_goalscorer"),
])
def test_membership_spell_read_from(facts_of, text, spell):
    assert spell in spells(facts_of(text))


def test_membership_youth_spell_with_years(facts_of):
    facts = facts_of("Karl Brenner spent three years in Borussia Dortmund's youth system from 2008 to 2011.")
    [spell] = only(facts, Membership)
    assert (spell.role, spell.current, spell.start, spell.end) == ("YouthPlayerRole", False, 2008, 2011)


def test_membership_left_club_in_year(facts_of):
    facts = facts_of("Chelsea manager Jon Doyle was praised. Doyle left Chelsea in June 2019 after four years.")
    assert any(f.club == "club/chelsea" and not f.current and f.end == 2019 for f in only(facts, Membership))


def test_transfer_club_interest_is_a_rumour_with_from_club(facts_of):
    facts = facts_of("Liverpool are interested in signing Real Madrid defender Karl Brenner.")
    assert ("person/karl-brenner", "club/liverpool", "club/real-madrid", "rumour", None) in links(facts)


def test_transfer_talks_are_advanced(facts_of):
    facts = facts_of("Arsenal are in talks with Lyon striker Karl Brenner.")
    assert {l[3] for l in links(facts) if l[1] == "club/arsenal"} == {"advanced"}


def test_transfer_person_agreed_move(facts_of):
    facts = facts_of("Karl Brenner has agreed a move to Atletico Madrid from Birmingham.")
    assert ("person/karl-brenner", "club/atletico-madrid", "club/birmingham-city", "agreed", None) in links(facts)


def test_transfer_completed_move_gives_both_spells_and_the_fee(facts_of):
    facts = facts_of("Everton have completed the £21million signing of Napoli midfielder Karl Brenner.")
    [link] = only(facts, TransferLink)
    assert (link.status, link.from_club, link.fee, link.currency) == ("completed", "club/napoli", 21e6, "GBP")
    assert ("person/karl-brenner", "club/everton", "PlayerRole", True) in spells(facts)
    assert ("person/karl-brenner", "club/napoli", "PlayerRole", False) in spells(facts)


def test_transfer_loan(facts_of):
    facts = facts_of("Newcastle striker Karl Brenner joins Eibar on a season-long loan.")
    assert any(l[1] == "club/eibar" and l[4] == "LoanPlayerRole" for l in links(facts))


def test_transfer_rejected_bid_is_denied(facts_of):
    facts = facts_of("Blackburn have rejected a third bid from Rangers for Karl Brenner.")
    assert any(l[1] == "club/rangers" and l[3] == "denied" for l in links(facts))


def test_transfer_manager_appointment(facts_of):
    facts = facts_of("Schalke have appointed Jon Doyle as their new head coach.")
    assert any(l[1] == "club/schalke-04" and l[3] == "completed" and l[4] == "ManagerRole" for l in links(facts))


def test_transfer_reported_by_outlet(facts_of):
    facts = facts_of("Chelsea are monitoring Karl Brenner, according to Sky Sports.")
    [link] = only(facts, TransferLink)
    assert link.reported_by == ("outlet/sky-sports",)


def test_exit_sacking_ends_the_managers_spell(facts_of):
    facts = facts_of("Schalke have sacked head coach Jon Doyle.", date="2020-09-27")
    assert any(f.club == "club/schalke-04" and f.role == "ManagerRole" and not f.current and f.end == 2020
               for f in only(facts, Membership))


def test_contract_expiry_until_year(facts_of):
    facts = facts_of("Chelsea defender Karl Brenner has a contract with Chelsea until 2026.")
    assert [(c.club, c.expiry) for c in only(facts, Contract)] == [("club/chelsea", 2026)]


def test_contract_length_anchored_to_the_article_date(facts_of):
    facts = facts_of("Fulham midfielder Karl Brenner has signed a three-year deal.", date="2020-09-02")
    [contract] = only(facts, Contract)
    assert (contract.expiry, contract.status) == (2023, "signed")


def test_contract_season_string(facts_of):
    facts = facts_of("Leeds forward Karl Brenner's contract runs until the end of the 2023/24 season.")
    assert [c.expiry for c in only(facts, Contract)] == [2024]


def test_contract_weekly_wage_is_stored_per_year(facts_of):
    facts = facts_of("Arsenal have offered Karl Brenner a new contract worth £100,000 a week.")
    [contract] = only(facts, Contract)
    assert (contract.wage, contract.currency, contract.wage_period, contract.status) == (5.2e6, "GBP", "week", "offered")


def test_departure_list_of_players(facts_of):
    facts = facts_of("Real Madrid approved four exits. Karl Brenner, Jon Doyle and Sam Okafor will all leave.")
    assert {(f.person, f.club) for f in only(facts, Departure)} == {
        ("person/karl-brenner", "club/real-madrid"), ("person/jon-doyle", "club/real-madrid"),
        ("person/sam-okafor", "club/real-madrid")}


def test_attributes_nationality_position_and_age(facts_of):
    facts = facts_of("Chelsea signed Karl Brenner. The 28-year-old German international defender is happy.",
                     date="2021-12-01")
    values = {(f.attribute, f.value) for f in only(facts, PersonAttribute) if f.person == "person/karl-brenner"}
    assert {("nationality", "country/germany"), ("position", "Defender"), ("birth_year", 1993)} <= values


def test_attributes_demonym_before_name(facts_of):
    facts = facts_of("Brazilian midfielder Karl Brenner joined Everton.")
    values = {(f.attribute, f.value) for f in only(facts, PersonAttribute)}
    assert {("nationality", "country/brazil"), ("position", "Midfielder")} <= values


def test_transfer_bid_named_after_the_player_goes_to_the_bidder(facts_of):
    facts = facts_of("Blackburn accepted a £5m offer for Karl Brenner from Everton.")
    assert ("person/karl-brenner", "club/everton", "club/blackburn-rovers", "agreed", None) in links(facts)
    assert not any(l[1] == "club/blackburn-rovers" for l in links(facts))


def test_transfer_seller_naming_a_price_is_not_interest(facts_of):
    facts = facts_of("Blackburn want £6m for Karl Brenner.")
    assert links(facts) == set()


def test_transfer_one_cue_for_a_list_of_players(facts_of):
    facts = facts_of("Newcastle have boosted their squad by signing striker Karl Brenner and winger Jon Doyle.")
    assert {l[0] for l in links(facts) if l[1] == "club/newcastle-united" and l[3] == "completed"} == {
        "person/karl-brenner", "person/jon-doyle"}


def test_transfer_list_stops_at_a_new_clause(facts_of):
    facts = facts_of("Blackburn want Karl Brenner and Jon Doyle has rejected proposals.")
    assert {l[0] for l in links(facts)} <= {"person/karl-brenner"}


def test_transfer_unfinished_move_keeps_the_player_at_his_club(facts_of):
    facts = facts_of("Karl Brenner has agreed a move to Atletico Madrid from Birmingham City.")
    assert ("person/karl-brenner", "club/birmingham-city", "PlayerRole", True) in spells(facts)


def test_transfer_moves_told_as_history_are_a_career(facts_of):
    facts = facts_of("Karl Brenner moved to Rennes in 2019 for a fee. He joined Stuttgart in 2022.", date="2024-03-01")
    assert links(facts) == set()  # a career's steps, not this article's transfer news
    assert {(f.club, f.current, f.start) for f in only(facts, Membership)} == {
        ("club/stade-rennais", False, 2019), ("club/stuttgart", True, 2022)}


def test_money_in_words(facts_of):
    from kg.extractors.frame import money

    assert money("Amiens paid about 5m euros (about £4.2m now)")[0][:2] == (5e6, "EUR")


def test_transfer_a_club_appoints_a_manager(facts_of):
    facts = facts_of("Real Madrid, who appointed Jon Doyle as Karl Brenner's immediate replacement, lost.")
    assert any(l[1] == "club/real-madrid" and l[4] == "ManagerRole" for l in links(facts))
    assert ("person/jon-doyle", "club/real-madrid", "ManagerRole", True) in spells(facts)


def test_transfer_link_to_the_club_a_player_is_at_is_staying(facts_of):
    facts = facts_of("Chelsea defender Karl Brenner is wanted by Arsenal. Chelsea want Brenner to stay.")
    assert {l[1] for l in links(facts)} == {"club/arsenal"}


def test_exit_they_sacked_is_the_sentence_subject(facts_of):
    facts = facts_of("Real Madrid were four points adrift of rivals Barcelona when they sacked Jon Doyle.",
                     date="2026-02-04")
    assert ("person/jon-doyle", "club/real-madrid", "ManagerRole", False) in spells(facts)
    assert not any(f.club == "club/barcelona" for f in only(facts, Membership))


def test_membership_took_over_is_a_managers_spell_not_a_move(facts_of):
    facts = facts_of("Jon Doyle took over at Burnley in 2022.")
    assert [(f.club, f.role, f.current, f.start) for f in only(facts, Membership)] == [
        ("club/burnley", "ManagerRole", True, 2022)]
    assert links(facts) == set()


def test_membership_left_at_the_end_of_a_season(facts_of):
    facts = facts_of("Burnley boss Jon Doyle is admired. Doyle left Burnley at the end of the 2023/24 campaign.")
    assert any(f.club == "club/burnley" and not f.current and f.end == 2024 for f in only(facts, Membership))


def test_membership_departures_of_players(facts_of):
    facts = facts_of("Following the departures of Karl Brenner and Jon Doyle last summer, Everton need players.",
                     date="2021-12-01")
    assert {(f.person, f.club, f.current, f.end) for f in only(facts, Membership)} == {
        ("person/karl-brenner", "club/everton", False, 2021), ("person/jon-doyle", "club/everton", False, 2021)}


def test_membership_side_of_a_manager_is_not_the_opponent(facts_of):
    facts = facts_of("Jon Doyle's side beat Juventus on penalties.")
    assert not any(f.club == "club/juventus" for f in only(facts, Membership))
    facts = facts_of("He is a mainstay in Jon Doyle's side, helping Los Merengues win.")
    assert ("person/jon-doyle", "club/real-madrid", "ManagerRole", True) in spells(facts)


def test_membership_job_named_without_its_club(facts_of):
    facts = facts_of("Assistant coach Jon Doyle has been put in temporary charge at Burnley.")
    assert ("person/jon-doyle", "club/burnley", "ManagerRole", True) in spells(facts)
    assert ("person/jon-doyle", "club/burnley", "CoachingStaffRole", True) in spells(facts)


def test_contract_signed_deal_is_not_a_move(facts_of):
    facts = facts_of("Jon Doyle has signed a new three-year deal as Fulham manager.", date="2020-09-02")
    assert links(facts) == set()
    assert ("person/jon-doyle", "club/fulham", "ManagerRole", True) in spells(facts)
    assert [(c.club, c.expiry, c.status) for c in only(facts, Contract)] == [("club/fulham", 2023, "signed")]


def test_resolve_description_with_a_club_prefers_the_person_tied_to_it(facts_of):
    facts = facts_of("Former Liverpool boss Jon Doyle wants a striker. Karl Brenner, Sam Okafor and Dan Reid will "
                     "leave, while the former Liverpool boss is demanding a signing.")
    assert not any(f.person != "person/jon-doyle" and f.club == "club/liverpool" for f in only(facts, Membership))


def test_membership_subject_left_a_club(facts_of):
    facts = facts_of("Karl Brenner is desperate to join Arsenal after being linked with Everton when leaving "
                     "Chelsea in June 2022.")
    assert any(f.club == "club/chelsea" and not f.current and f.end == 2022 for f in only(facts, Membership))
    facts = facts_of("The winger Karl Brenner spent five months at Burnley following a £2m move from Chelsea in July.")
    assert any(f.club == "club/chelsea" and not f.current for f in only(facts, Membership))


def test_membership_players_listed_in_a_squad(facts_of):
    facts = facts_of("Real Madrid hope he will join the likes of Karl Brenner, Jon Doyle, and Dan Reid in their ranks.")
    assert {f.person for f in only(facts, Membership) if f.club == "club/real-madrid" and f.current} == {
        "person/karl-brenner", "person/jon-doyle", "person/dan-reid"}


def test_membership_role_in_parentheses_goes_to_the_article_club(facts_of):
    facts = facts_of("Tottenham have a problem. Tottenham manager Jon Doyle left Spurs. He thanked "
                     "(sporting director) Karl Brenner and (chairman) Dan Reid.")
    assert {(f.person, f.role) for f in only(facts, Membership) if f.club == "club/tottenham-hotspur"} >= {
        ("person/karl-brenner", "ExecutiveRole"), ("person/dan-reid", "ExecutiveRole")}


def test_membership_opponent_is_not_the_job(facts_of):
    facts = facts_of("Burnley lost. Burnley want a coach. Assistant coach Jon Doyle takes charge against Chelsea.")
    assert not any(f.club == "club/chelsea" for f in only(facts, Membership))


def test_membership_was_the_manager_between_years(facts_of):
    facts = facts_of("Karl Brenner worked with Jon Doyle while the Italian coach was the Napoli manager between "
                     "2018 and 2019.")
    spells_at_napoli = [f for f in only(facts, Membership) if f.club == "club/napoli"]
    assert [(f.role, f.current, f.start, f.end) for f in spells_at_napoli] == [("ManagerRole", False, 2018, 2019)]


def test_resolve_title_is_not_part_of_the_name(facts_of):
    facts = facts_of("Everton boss Karl Brenner is happy. Then there is Professor Brenner. Brenner's side won.")
    assert {f.person for f in facts} == {"person/karl-brenner"}


def test_transfer_intent_makes_a_signing_a_rumour(facts_of):
    facts = facts_of("Manchester United want to bolster their attack by signing experienced striker Karl Brenner.")
    assert {(l[1], l[3]) for l in links(facts)} == {("club/manchester-united", "rumour")}
    assert not any(f.club == "club/manchester-united" and f.current for f in only(facts, Membership))


def test_exit_sentence_is_not_an_appointment(facts_of):
    facts = facts_of("Schalke have confirmed that head coach Jon Doyle has been sacked.", date="2020-09-27")
    assert links(facts) == set()
    assert ("person/jon-doyle", "club/schalke-04", "ManagerRole", False) in spells(facts)


def test_contract_club_is_the_players_not_the_next_club_named(facts_of):
    facts = facts_of("Everton midfielder Karl Brenner is wanted. Brenner's contract expires in the summer, "
                     "but Real want a quick deal.", date="2005-01-11")
    assert [(c.club, c.expiry) for c in only(facts, Contract)] == [("club/everton", 2005)]


def test_resolve_he_is_the_protagonist_of_the_previous_sentence(lexicon):
    from kg.articles import make_article
    from kg.resolve import resolve_article

    text = ("Chelsea defender Karl Brenner is wanted by Real Madrid. Brenner has been great. "
            "After the departures of Jon Doyle and Dan Reid, Real see Brenner as the replacement. "
            "He could join soon.")
    resolved = resolve_article(make_article("t", text, "2024-01-01"), lexicon)
    assert [m.entity for m in resolved.sentences[3].mentions if m.text == "He"] == ["person/karl-brenner"]


def test_transfer_a_manager_signs_for_his_club(facts_of):
    facts = facts_of("Bolton boss Jon Doyle has signed Roma defender Karl Brenner on a five-month deal.")
    assert ("person/karl-brenner", "club/bolton-wanderers", "club/roma", "completed", None) in links(facts)
    assert not any(l[0] == "person/jon-doyle" for l in links(facts))
    assert ("person/karl-brenner", "club/roma", "PlayerRole", False) in spells(facts)


def test_contract_signed_with_a_move_is_with_the_new_club(facts_of):
    facts = facts_of("Everton have completed the signing of Napoli midfielder Karl Brenner as the Brazilian "
                     "signs a three-year deal.", date="2020-09-05")
    assert [(c.club, c.expiry) for c in only(facts, Contract)] == [("club/everton", 2023)]


def test_transfer_person_closing_in_on_a_deal_to_join_is_advanced(facts_of):
    facts = facts_of("Former Burnley boss Jon Doyle is closing in on a deal to join Everton as their new head coach.")
    assert {(l[1], l[3], l[4]) for l in links(facts)} == {("club/everton", "advanced", "ManagerRole")}
    assert not any(f.club == "club/everton" and f.current for f in only(facts, Membership))


def test_transfer_another_clause_subject_is_not_the_club(facts_of):
    facts = facts_of("The Reds came up short against the club who are seemingly courting Jon Doyle.")
    assert not any(l[1] == "club/liverpool" for l in links(facts))


def test_resolve_a_noun_before_a_name_is_not_a_title(lexicon):
    from kg.articles import make_article
    from kg.resolve import resolve_article

    resolved = resolve_article(make_article("t", "Everton boss Jon Doyle spoke. The player Doyle wants is Karl Brenner.",
                                            "2024-01-01"), lexicon)
    assert resolved.persons["person/jon-doyle"].roles == {"manager": 1}


def test_attributes_national_side_in_apposition(facts_of):
    facts = facts_of("Karl Brenner, then a France Under-19 international, made his breakthrough at Laval.")
    assert ("nationality", "country/france") in {(f.attribute, f.value) for f in only(facts, PersonAttribute)}


def test_attributes_position_from_a_plural_before_a_list(facts_of):
    facts = facts_of("Several strikers flopped at Atletico, including big-money signings such as Karl Brenner "
                     "and Jon Doyle.")
    assert {(f.person, f.value) for f in only(facts, PersonAttribute) if f.attribute == "position"} == {
        ("person/karl-brenner", "Forward"), ("person/jon-doyle", "Forward")}


def test_transfer_participle_clause_subject_comes_after(facts_of):
    facts = facts_of("Having already bought Karl Brenner from Madrid this summer, Sevilla want more.",
                     date="2020-09-03")
    assert any(l[0] == "person/karl-brenner" and l[1] == "club/sevilla" and l[3] == "completed" for l in links(facts))


def test_transfer_cue_ending_in_a_currency_sign(facts_of):
    facts = facts_of("Everton complete £21million transfer of Napoli midfielder Karl Brenner.")
    [link] = only(facts, TransferLink)
    assert (link.to_club, link.from_club, link.status, link.fee) == ("club/everton", "club/napoli", "completed", 21e6)


def test_contract_signed_until_the_end_of_the_season(facts_of):
    facts = facts_of("Mansfield Town have signed former United States striker Karl Brenner until the end of the "
                     "season.", date="2025-03-08")
    assert [(c.club, c.expiry) for c in only(facts, Contract)] == [("club/mansfield-town", 2025)]


def test_membership_since_joining_dates_the_running_spell(facts_of):
    facts = facts_of("Leeds boss Jon Doyle has taken charge of 100 games for Leeds since joining in 2018.")
    assert ("club/leeds-united", "ManagerRole", True, 2018) in {(f.club, f.role, f.current, f.start)
                                                                 for f in only(facts, Membership)}


def test_contract_length_counts_from_when_it_was_signed(facts_of):
    facts = facts_of("Karl Brenner joined Newcastle from Mainz on a four-year contract in August 2018.",
                     date="2020-09-16")
    assert [c.expiry for c in only(facts, Contract)] == [2022]


def test_contract_free_agent_in_june(facts_of):
    facts = facts_of("Chelsea defender Karl Brenner is wanted. In June, the 28-year-old will become a free agent "
                     "at Stamford Bridge.", date="2021-12-01")
    assert [(c.club, c.expiry) for c in only(facts, Contract)] == [("club/chelsea", 2022)]


def test_membership_succession_dated_by_the_sentence_before(facts_of):
    facts = facts_of("Jon Doyle left Dortmund in June 2015. He succeeded Karl Brenner as Liverpool manager four "
                     "months later.")
    assert {(f.person, f.current, f.start, f.end) for f in only(facts, Membership) if f.club == "club/liverpool"} == {
        ("person/jon-doyle", True, 2015, None), ("person/karl-brenner", False, None, 2015)}


def test_transfer_in_advanced_talks_to_sign_is_advanced(facts_of):
    facts = facts_of("Newcastle United are in advanced talks to sign Brentford winger Karl Brenner for £40m.")
    assert {(l[1], l[3]) for l in links(facts)} == {("club/newcastle-united", "advanced")}
    assert ("person/karl-brenner", "club/brentford", "PlayerRole", True) in spells(facts)


def test_transfer_favourite_to_replace_a_manager(facts_of):
    facts = facts_of("Tottenham manager Jon Doyle is under pressure. Karl Brenner is the favourite to replace Doyle.")
    assert ("person/karl-brenner", "club/tottenham-hotspur", None, "advanced", "ManagerRole") in links(facts)


def test_contract_years_left(facts_of):
    facts = facts_of("Brentford winger Karl Brenner has two years left on his contract.", date="2025-06-10")
    assert [(c.club, c.expiry) for c in only(facts, Contract)] == [("club/brentford", 2027)]
    facts = facts_of("Jon Doyle's side agreed personal terms with Brentford winger Karl Brenner, who has a year "
                     "left on his contract.", date="2024-08-20")
    assert [(c.person, c.club, c.expiry) for c in only(facts, Contract)] == [
        ("person/karl-brenner", "club/brentford", 2025)]


def test_transfer_seller_first_sale(facts_of):
    facts = facts_of("Celtic sold Karl Brenner to Rennes for £10m earlier this month.", date="2025-01-15")
    assert ("person/karl-brenner", "club/stade-rennais", "club/celtic", "completed", None) in links(facts)


def test_transfer_bid_for_a_player_named_with_his_position(facts_of):
    facts = facts_of("Hibernian have rejected a bid from Sheffield United for defender Karl Brenner.")
    assert ("person/karl-brenner", "club/sheffield-united", "club/hibernian", "denied", None) in links(facts)
    assert not any(f.club == "club/sheffield-united" and f.current for f in only(facts, Membership))


@pytest.mark.parametrize("text, country", [
    ("A Wales Under-21 international, Karl Brenner returned to Cardiff.", "country/wales"),
    ("At Stuttgart Karl Brenner became a senior international for Guinea.", "country/guinea"),
])
def test_attributes_national_side_named_around_the_player(facts_of, text, country):
    facts = facts_of(text)
    assert ("nationality", country) in {(f.attribute, f.value) for f in only(facts, PersonAttribute)}


def test_attributes_position_after_as_a(facts_of):
    facts = facts_of("Karl Brenner also won five caps for the Netherlands as a bruising centre forward.")
    assert ("position", "Forward") in {(f.attribute, f.value) for f in only(facts, PersonAttribute)}


def test_attributes_age_before_a_name_after_a_comma(facts_of):
    facts = facts_of("The spot went to 20-year-old academy product, Karl Brenner.", date="2020-09-03")
    assert ("birth_year", 2000) in {(f.attribute, f.value) for f in only(facts, PersonAttribute)}


def test_transfer_a_cue_does_not_reach_into_another_clause(facts_of):
    facts = facts_of("Chelsea head coach Jon Doyle wants a new number nine after the departure of Karl Brenner "
                     "to Arsenal.")
    assert links(facts) == set()
    assert ("person/karl-brenner", "club/chelsea", "PlayerRole", False) in spells(facts)


def test_lexicon_short_names_journalists_use(lexicon):
    assert lexicon.label(lexicon.lookup("Juve")[0]) == "Juventus"
    assert lexicon.label(lexicon.lookup("ACF Fiorentina")[0]) == "Fiorentina"


def test_probe_appointment_article(facts_of):
    """An appointment story written here: succession in the present tense, a sacking in a relative
    clause, an interim leaving 'the club', and two clubs linked with one player."""
    text = ("Manchester United appoint Doyle\n"
            "Manchester United have appointed Jon Doyle as their new head coach on a contract until June 2027. "
            "Doyle replaces Karl Brenner, who was sacked last month, and interim manager Dan Reid will leave "
            "the club. Manchester United captain Ali Khan welcomed him. "
            "Barcelona and Real Madrid have both been linked with Manchester City midfielder Sam Okafor.")
    facts = facts_of(text, date="2024-11-12")
    assert ("person/karl-brenner", "club/manchester-united", "ManagerRole", False) in spells(facts)
    assert ("person/karl-brenner", "club/manchester-united", "ManagerRole", True) not in spells(facts)
    assert ("person/dan-reid", "club/manchester-united") in {(f.person, f.club) for f in only(facts, Departure)}
    assert {l[1] for l in links(facts) if l[0] == "person/sam-okafor"} == {"club/barcelona", "club/real-madrid"}


def test_transfer_a_seller_refusing_an_offer_keeps_its_player(facts_of):
    facts = facts_of("Wolves rejected a £25m offer for Karl Brenner.")
    assert links(facts) == set()
    assert ("person/karl-brenner", "club/wolverhampton-wanderers", "PlayerRole", True) in spells(facts)


def test_transfer_joined_from_is_where_he_came_from(facts_of):
    facts = facts_of("Karl Brenner, who joined from Atletico Madrid in 2023, is under contract until 2029.",
                     date="2025-02-03")
    assert not any(f.club == "club/atletico-madrid" and f.current for f in only(facts, Membership))
    assert only(facts, Contract) == []  # the contract's club is not said


def test_transfer_talks_with_the_selling_club(facts_of):
    facts = facts_of("Bayern Munich have reopened talks with Fulham over a deal for midfielder Karl Brenner.")
    assert {(l[1], l[2], l[3]) for l in links(facts)} == {("club/bayern-munchen", "club/fulham", "advanced")}


def test_transfer_a_loan_said_of_another_deal_does_not_make_a_purchase_a_loan(facts_of):
    facts = facts_of("Having already bought Karl Brenner from Lyon this summer, Lille would be looking for "
                     "another loan agreement.")
    assert ("person/karl-brenner", "club/olympique-lyonnais", "PlayerRole", False) in spells(facts)


def test_membership_a_managers_named_side_in_a_past_season(facts_of):
    facts = facts_of("Karl Brenner was part of Jon Doyle's Lyon side in the 2014-15 season.", date="2020-09-01")
    assert ("person/jon-doyle", "club/olympique-lyonnais", "ManagerRole", False) in spells(facts)


def test_membership_a_career_told_in_order_dates_its_undated_moves(facts_of):
    facts = facts_of("Karl Brenner made his breakthrough at Lille in the 2014-15 campaign. He scored twice. "
                     "Brenner started only twice by November and was sent on loan to Auxerre in January. "
                     "But instead he moved to Cologne.", date="2025-03-01")
    dated = {(f.club, f.current, f.start, f.end) for f in only(facts, Membership)}
    assert ("club/aj-auxerre", False, 2016, 2016) in dated  # January after November: the next year
    assert ("club/koln", True, 2016, None) in dated


def test_membership_each_step_of_a_career_ends_when_the_next_begins(facts_of):
    facts = facts_of("Karl Brenner joined Lille in 2015. He joined Rennes in 2020. He joined Stuttgart in 2022.",
                     date="2025-03-01")
    dated = {(f.club, f.current, f.start, f.end) for f in only(facts, Membership)}
    assert {("club/lille-osc", False, 2015, 2020), ("club/stade-rennais", False, 2020, 2022),
            ("club/stuttgart", True, 2022, None)} <= dated


def test_transfer_a_move_after_a_dated_clause_is_history(facts_of):
    facts = facts_of("Karl Brenner turned down Chelsea in the summer of 2020 - so instead he moved to Rennes "
                     "for about 15m euros (now £12.6m).", date="2025-03-01")
    assert {(f.club, f.start) for f in only(facts, Membership)} >= {("club/stade-rennais", 2020)}


def test_transfer_a_participle_after_a_comma_completes_the_move(facts_of):
    facts = facts_of("Karl Brenner went back to the Bundesliga, joining Stuttgart in a loan deal.")
    assert ("person/karl-brenner", "club/stuttgart", None, "completed", "LoanPlayerRole") in links(facts)


def test_transfer_the_club_contacted_is_the_seller(facts_of):
    facts = facts_of("Liverpool have contacted Watford to register their interest in Karl Brenner.")
    assert ("person/karl-brenner", "club/liverpool", "club/watford", "rumour", None) in links(facts)
    assert not any(link[1] == "club/watford" for link in links(facts))


def test_transfer_being_offered_the_chance_to_sign_is_a_rumour(facts_of):
    facts = facts_of("Manchester United have been offered the chance to sign Karl Brenner on loan from Real Madrid")
    assert {link[3] for link in links(facts) if link[1] == "club/manchester-united"} == {"rumour"}


def test_transfer_a_move_last_year_starts_the_year_before_the_article(facts_of):
    facts = facts_of("Karl Brenner joined Sevilla from Lille for £5m last year.", date="2020-09-01")
    assert ("club/sevilla", True, 2019) in {(f.club, f.current, f.start) for f in only(facts, Membership)}


def test_membership_named_caretaker_in_a_month_and_year_dates_both_spells(facts_of):
    facts = facts_of("Karl Brenner was named Fulham caretaker manager in February 2019 following the departure "
                     "of Jon Doyle.", date="2020-09-01")
    dated = {(f.person, f.current, f.start, f.end) for f in only(facts, Membership) if f.club == "club/fulham"}
    assert {("person/karl-brenner", True, 2019, None), ("person/jon-doyle", False, None, 2019)} <= dated


def test_membership_a_running_spell_dated_without_its_club_goes_to_the_current_one(facts_of):
    facts = facts_of("Liverpool boss Karl Brenner is happy. Brenner had seven years at Mainz, and the German "
                     "began his current role in October 2015.", date="2022-04-01")
    assert ("club/liverpool", True, 2015) in {(f.club, f.current, f.start) for f in only(facts, Membership)}
    assert all(f.club.startswith("club/") for f in only(facts, Membership))


def test_membership_appearances_told_in_the_next_sentence(facts_of):
    facts = facts_of("Karl Brenner was a hit at Chelsea during his five years with the club. "
                     "He made 203 appearances across competitions.")
    assert ("club/chelsea", False, 203) in {(f.club, f.current, f.appearances) for f in only(facts, Membership)}


@pytest.mark.parametrize("text, position", [
    ("Karl Brenner, named coach of the century by the governing body in 1999, also won five caps for the "
     "Netherlands as a bruising centre forward.", "Forward"),
    ("Within a few years, Karl Brenner rose from a promising midfielder to one of Europe's best playmakers.",
     "Midfielder"),
])
def test_attributes_position_the_clause_gives(facts_of, text, position):
    assert ("position", position) in {(f.attribute, f.value) for f in only(facts_of(text), PersonAttribute)}


def test_attributes_a_clubs_own_player_pointed_back_to_by_age(facts_of):
    facts = facts_of("Cardiff City have extended Karl Brenner's contract. The club have acted to keep their "
                     "23-year-old academy product.", date="2025-03-06")
    assert ("birth_year", 2002) in {(f.attribute, f.value) for f in only(facts, PersonAttribute)}


def test_attributes_a_young_age_is_not_the_managers(facts_of):
    facts = facts_of("Jon Doyle's side want Karl Brenner. Karl Brenner was part of Jon Doyle's Lyon side and "
                     "Doyle is looking to bring the 29-year-old on loan.", date="2020-09-01")
    years = {(f.person, f.value) for f in only(facts, PersonAttribute) if f.attribute == "birth_year"}
    assert years == {("person/karl-brenner", 1991)}


def test_attributes_a_player_of_a_national_side_now_is_its_national(facts_of):
    facts = facts_of("England team-mate Karl Brenner came on after 76 minutes.")
    assert ("nationality", "country/england") in {(f.attribute, f.value) for f in only(facts, PersonAttribute)}


def test_membership_a_time_at_a_club_to_come_is_no_past_spell(facts_of):
    facts = facts_of("Liverpool signed Karl Brenner. There are bonuses should he win honours during his time at "
                     "Anfield.")
    assert not any(f.club == "club/liverpool" and not f.current for f in only(facts, Membership))


def test_membership_a_manager_who_brought_a_player_to_a_former_club(facts_of):
    facts = facts_of("Everton boss Jon Doyle wants Karl Brenner. Doyle also brought Brenner to former club "
                     "Bayern Munich on a temporary deal in 2017.", date="2020-09-01")
    assert ("person/jon-doyle", "club/bayern-munchen", "ManagerRole", False) in spells(facts)
    assert ("person/karl-brenner", "club/bayern-munchen", "LoanPlayerRole", False) in spells(facts)


def test_membership_a_managers_side_is_the_club_the_player_in_the_sentence_joins(facts_of):
    facts = facts_of("Liverpool have completed the signing of Karl Brenner from Bayern Munich. Brenner has "
                     "signed a four-year deal and will wear the No 6 shirt for Jon Doyle's side.")
    assert ("person/jon-doyle", "club/liverpool", "ManagerRole", True) in spells(facts)
    assert not any(f.club.startswith("?") for f in only(facts, Membership))


def test_membership_a_move_not_yet_done_leaves_the_player_at_his_club(facts_of):
    facts = facts_of("Karl Brenner has agreed a move to Atletico Madrid from Birmingham City. The winger spent "
                     "just five months at St Andrews.")
    spells_now = spells(facts)
    assert ("person/karl-brenner", "club/birmingham-city", "PlayerRole", True) in spells_now
    assert ("person/karl-brenner", "club/birmingham-city", "PlayerRole", False) not in spells_now


def test_contract_without_its_club_goes_to_the_club_the_article_has_him_at(facts_of):
    facts = facts_of("Karl Brenner joined Bayern Munich in 2019. Based on his new contract, "
                     "Brenner will earn £20.8m per year, making him one of the top earners in Germany.")
    wages = {(f.club, f.wage, f.wage_period) for f in only(facts, Contract) if f.wage}
    assert wages == {("club/bayern-munchen", 20_800_000, "year")}


def test_contract_a_package_is_a_yearly_wage(facts_of):
    facts = facts_of("Leeds United have confirmed that boss Karl Brenner has signed a one-year contract extension "
                     "at the club on his £6million package.")
    assert {(f.wage, f.currency, f.wage_period) for f in only(facts, Contract)} == {(6_000_000, "GBP", "year")}


def test_membership_since_joining_dates_the_club_just_before(facts_of):
    facts = facts_of("Karl Brenner - whose side start at champions Liverpool on Saturday - has taken charge of "
                     "100 games for Leeds United since joining in 2018.")
    assert ("club/leeds-united", 2018) in {(f.club, f.start) for f in only(facts, Membership)}


def test_membership_a_takeover_in_a_month_is_dated_to_the_article_year(facts_of):
    facts = facts_of("Tranmere Rovers interim manager Karl Brenner took over from Jon Doyle at the end of February.",
                     date="2025-03-10")
    dated = {(f.person, f.start, f.end) for f in only(facts, Membership) if f.club == "club/tranmere-rovers"}
    assert {("person/karl-brenner", 2025, None), ("person/jon-doyle", None, 2025)} <= dated


def test_contract_months_remaining_on_his_contract_said_in_a_relative_clause(facts_of):
    facts = facts_of("The move for Jon Doyle does not mean Liverpool will offload midfielders such as Karl Brenner, "
                     "who has nine months remaining on his contract.", date="2020-09-18")
    assert ("person/karl-brenner", 2021) in {(f.person, f.expiry) for f in only(facts, Contract)}


def test_transfer_wanted_by_a_clubs_coach_is_the_clubs_interest(facts_of):
    facts = facts_of("Karl Brenner is wanted by Barcelona head coach Jon Doyle.")
    assert ("person/karl-brenner", "club/barcelona", None, "rumour", None) in links(facts)


def test_membership_a_loan_elsewhere_does_not_end_the_spell_at_the_lending_club(facts_of):
    facts = facts_of("Karl Brenner joined Wolves from Benfica in 2019. He spent the 2021-22 season on loan at "
                     "Fenerbahce.", date="2023-08-14")
    assert ("club/wolverhampton-wanderers", True, 2019, None) in {
        (f.club, f.current, f.start, f.end) for f in only(facts, Membership)}


def test_membership_a_club_managed_by_someone_now(facts_of):
    facts = facts_of("Karl Brenner spent the 2019-20 season at Porto. Wolves, managed by Jon Doyle, have also sold "
                     "midfielder Karl Brenner to Brentford.", date="2023-08-14")
    assert ("person/jon-doyle", "club/wolverhampton-wanderers", "ManagerRole", True) in spells(facts)


def test_transfer_a_former_clubs_boss_is_not_leaving_it(facts_of):
    facts = facts_of("Hartlepool United have sacked manager Jon Doyle after eight games. According to the Northern "
                     "Echo, former Gateshead boss Karl Brenner is the early favourite to succeed him.")
    assert any(link[1] == "club/hartlepool-united" for link in links(facts))
    assert not any(f.club == "club/gateshead" and f.current for f in only(facts, Membership))
    assert all(link[2] is None for link in links(facts))


def test_contract_a_deal_counted_from_the_appointment_before_it(facts_of):
    facts = facts_of("Hartlepool United boss Karl Brenner was appointed in May 2023 on a two-year deal.",
                     date="2024-11-03")
    assert {f.expiry for f in only(facts, Contract)} == {2025}


def test_membership_a_managers_playing_spells(facts_of):
    facts = facts_of("Hartlepool United manager Karl Brenner was sacked. He later had spells at Bolton and Preston, "
                     "where he finished his playing career in 2009.")
    assert {("club/bolton-wanderers", "PlayerRole", False), ("club/preston-north-end", "PlayerRole", False)} <= {
        (f.club, f.role, f.current) for f in only(facts, Membership)}


def test_transfer_a_cue_with_a_quoted_word_inside(facts_of):
    facts = facts_of("Karl Brenner is ‘open to’ joining Real Madrid.")
    assert ("person/karl-brenner", "club/real-madrid", None, "rumour", None) in links(facts)


def test_transfer_an_enquiry_is_interest(facts_of):
    facts = facts_of("Chelsea have made an enquiry for Juventus defender Karl Brenner.")
    assert ("person/karl-brenner", "club/chelsea", "club/juventus", "rumour", None) in links(facts)


def test_transfer_a_rejected_bid_with_its_fee_before_it(facts_of):
    facts = facts_of("Aston Villa have rejected a £40m bid from Al-Nassr for Karl Brenner.")
    assert ("person/karl-brenner", "club/al-nassr", "club/aston-villa", "denied", None) in links(facts)
    assert ("person/karl-brenner", "club/aston-villa", "PlayerRole", True) in spells(facts)


def test_transfer_talks_over_a_new_deal_are_a_contract_not_a_move(facts_of):
    facts = facts_of("Manchester United are in talks over a new deal for Karl Brenner, whose contract runs out in "
                     "June.", date="2025-01-12")
    assert not links(facts)
    assert {(f.club, f.expiry) for f in only(facts, Contract)} == {("club/manchester-united", 2025)}


def test_transfer_a_player_who_cost_a_club_a_fee(facts_of):
    facts = facts_of("Karl Brenner, who came through the academy at Manchester City, cost Burnley £15m in 2023.",
                     date="2025-01-12")
    assert ("club/burnley", True, 2023) in {(f.club, f.current, f.start) for f in only(facts, Membership)}


def test_contract_a_deal_that_expires_in_the_summer(facts_of):
    facts = facts_of("Karl Brenner's deal at Anfield expires in the summer.", date="2025-01-12")
    assert {(f.club, f.expiry) for f in only(facts, Contract)} == {("club/liverpool", 2025)}


def test_membership_has_made_appearances_for_a_club_is_a_running_spell(facts_of):
    facts = facts_of("Karl Brenner has made 150 appearances for Leicester City since coming through their academy.")
    assert ("club/leicester-city", "PlayerRole", True, 150) in {
        (f.club, f.role, f.current, f.appearances) for f in only(facts, Membership)}


def test_membership_who_was_a_clubs_coach_is_past(facts_of):
    facts = facts_of("Karl Brenner, who was Manchester United's first-team coach under Jon Doyle, signed a new "
                     "four-year deal in June.", date="2024-07-02")
    assert ("person/karl-brenner", "club/manchester-united", "CoachingStaffRole", False) in spells(facts)
    assert {f.person for f in only(facts, Contract)} <= {"person/karl-brenner"}


def test_transfer_left_one_club_for_another(facts_of):
    facts = facts_of("Karl Brenner left Birmingham City for Southampton in 2019.", date="2024-07-02")
    dated = {(f.club, f.current, f.start, f.end) for f in only(facts, Membership)}
    assert {("club/southampton", True, 2019, None), ("club/birmingham-city", False, None, 2019)} <= dated


def test_transfer_a_club_that_has_already_sold_a_player(facts_of):
    facts = facts_of("Leicester have already sold winger Karl Brenner to Newcastle United for £38m.")
    assert ("person/karl-brenner", "club/newcastle-united", "club/leicester-city", "completed", None) in links(facts)
