"""The event coder on sentences parsed by the real model, with a small lexicon written here.

The lexicon is a fixture so that these tests check the engine (roles, modality, pairs),
not the shipped word list.
"""

from __future__ import annotations

import datetime as dt

import pytest

from polybius.actors.coref import resolve_actors
from polybius.actors.kb import load_knowledge_base
from polybius.events.coder import EventCoder, intent_code
from polybius.events.lexicon import lexicon_from_text
from polybius.ingest import read_text_document
from polybius.model import Event

pytestmark = pytest.mark.model

LEXICON = """
version: test.1
entries:
  - {id: visit.v, lemmas: [visit], code: "042", reverse: "043"}
  - {id: visit.n, lemmas: [visit, trip], pos: noun, code: "042", reverse: "043", target: [prep:to]}
  - {id: meet.v, lemmas: [meet], code: "040", reciprocal: true, target: [dobj, prep:with]}
  - {id: talks.n, lemmas: [talks], pos: noun, code: "046", reciprocal: true, target: [prep:with]}
  - {id: sign.v, lemmas: [sign], code: "057", objects: [treaty, memorandum, agreement],
     reciprocal: true}
  - {id: criticize.v, lemmas: [criticize, condemn], code: "111"}
  - {id: reject.v, lemmas: [reject, rebuff], code: "120"}
  - {id: warn.v, lemmas: [warn], code: "130", target: [dobj, prep:against, ccomp-subject]}
  - {id: attack.v, lemmas: [attack, bomb], code: "190"}
  - {id: opposition.n, lemmas: [opposition], pos: noun, code: "110", target: [prep:to]}
  - {id: release.v, lemmas: [release, free], code: "0841", target: [dobj]}
  - {id: kill.v, lemmas: [kill], code: "190", target: [dobj]}
  - {id: provide-aid.v, lemmas: [provide, give], code: "070", target: [prep:to]}
  - {id: aid.n, lemmas: [aid, assistance], pos: noun, code: "070", target: [prep:to]}
  - {id: military-aid.n, lemmas: [aid, package], pos: noun, code: "072",
     objects: [military, weapon]}
  - {id: pledge.n, lemmas: [assurance, pledge], pos: noun, code: "030", target: [prep:to]}
  - {id: host.v, lemmas: [receive, host], code: "043", reverse: "042", target: [dobj]}
  - {id: accuse.v, lemmas: [accuse], code: "112", target: [dobj]}
  - {id: discuss.v, lemmas: [discuss], code: "040", reciprocal: true, target: [prep:with]}
  - {id: phone-call.n, lemmas: [call], pos: noun, code: "041", objects: [phone]}
  - {id: demand.n, lemmas: [demand, call], pos: noun, code: "100"}
  - {id: release.n, lemmas: [release], pos: noun, code: "0841"}
"""


def _code(text: str, date: dt.date = dt.date(2001, 5, 10), lexicon: str = LEXICON) -> list[Event]:
    from polybius.nlp import parse_text
    from polybius.parsed import freeze

    document = read_text_document(text, doc_id="t", date=date)
    doc = freeze(parse_text(text))
    kb = load_knowledge_base()
    actors = resolve_actors(doc, kb=kb, date=date)
    coder = EventCoder(lexicon_from_text(lexicon))
    events: list[Event] = []
    for index, sentence in enumerate(doc.sents):
        events += coder.code_sentence(
            sentence, actors=actors, document=document, sentence_index=index, history=events
        )
    return events


def _triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}


def test_reciprocal_signing_by_a_compound_subject_goes_both_ways() -> None:
    events = _code("Russia and Belarus signed a treaty on a customs union.")
    assert _triples(events) == {("RUS", "BLR", "057"), ("BLR", "RUS", "057")}


def test_signing_needs_the_object_the_entry_names() -> None:
    assert _code("Russia and Belarus signed autographs.") == []


def test_visit_emits_the_host_side_too() -> None:
    events = _code("Japanese Prime Minister Yoshiro Mori visited Indonesia.", dt.date(2000, 8, 1))
    assert _triples(events) == {("JPNGOV", "IDN", "042"), ("IDN", "JPNGOV", "043")}


def test_nominal_event_takes_the_light_verb_subject_and_its_prepositions() -> None:
    events = _code("The Turkish foreign minister began a trip to Greece on Monday.")
    assert ("TURGOV", "GRC", "042") in _triples(events)


def test_possessor_is_the_source_of_a_nominal_event() -> None:
    events = _code("Egypt's talks with Israel resumed.")
    assert _triples(events) == {("EGY", "ISR", "046"), ("ISR", "EGY", "046")}


def test_passive_agent_is_the_source() -> None:
    events = _code("The French proposal was rejected by Germany.")
    assert _triples(events) == {("DEU", "FRA", "120")}


def test_target_carried_by_a_modifier_of_the_object() -> None:
    events = _code("Iran criticized U.S. sanctions.")
    assert _triples(events) == {("IRN", "USA", "111")}


def test_source_nationality_in_the_object_is_not_a_target() -> None:
    events = _code("Russia and China restated Russian and Chinese opposition to U.S. plans.")
    assert _triples(events) == {("RUS", "USA", "110"), ("CHN", "USA", "110")}


def test_warning_targets_the_subject_of_its_clause() -> None:
    events = _code("Ukraine warned that a Russian blockade would hurt the region.")
    assert ("UKR", "RUS", "130") in _triples(events)


def test_negated_event_is_flagged() -> None:
    events = _code("Armenia did not attack Azerbaijan.")
    assert events and all(e.modality.negated for e in events)


def test_event_under_nothing_to_indicate_is_negated() -> None:
    events = _code("There was nothing to indicate that Syria had met Israel.")
    assert events and all(e.modality.negated for e in events)


def test_an_act_named_in_a_denied_accusation_is_not_a_fact() -> None:
    from polybius.api import code_text

    text = "Russia denied accusations by Britain that it had attacked Georgia."
    by_code = {e.cameo[:2]: e for e in code_text(text, include_modal=True)}
    assert by_code["01"].modality.factual  # the denial itself happened
    assert by_code["19"].modality.negated and by_code["19"].modality.hypothetical
    # A participle that modifies a noun is done, not alleged.
    events = code_text("Armenia will sign a deal brokered by Russia with Azerbaijan.")
    assert ("RUS", "ARM", "045") in {
        (e.source.code, e.target.code if e.target else None, e.cameo)
        for e in events
        if e.modality.factual
    }


def test_a_verb_coordinated_in_a_demand_is_demanded_not_done() -> None:
    from polybius.api import code_text

    text = "France urged Iran to halt enrichment and release the British sailors."
    release = [e for e in code_text(text, include_modal=True) if e.cameo == "0841"]
    assert release and release[0].modality.hypothetical
    # Done when the sentence says so; negation is shared through "or" only.
    done = code_text("Iran halted enrichment and released the British sailors.")
    assert "0841" in {e.cameo for e in done}
    events = code_text("Russia did not recognise or support the rebels.", include_modal=True)
    assert events and all(e.modality.negated for e in events)


def test_what_one_is_accused_of_is_alleged_not_found() -> None:
    from polybius.api import code_text

    text = (
        "The International Criminal Court issued an arrest warrant for Russian President "
        "Vladimir Putin, accusing him of the unlawful deportation of children from occupied "
        "areas of Ukraine."
    )
    events = code_text(text, date=dt.date(2023, 3, 17), include_modal=True)
    deportation = [e for e in events if e.cameo == "174"]
    assert deportation and all(e.modality.hypothetical for e in deportation)
    assert ("IGOJUDICC", "RUSGOV", "173") in _triples([e for e in events if e.modality.factual])


def test_a_speaker_unhappy_with_another_s_act_disapproves() -> None:
    from polybius.api import code_text

    text = "Britain said it was unhappy with Germany's decision."
    assert _triples(code_text(text)) == {("GBR", "DEU", "110")}


def test_insisting_that_something_happened_asserts_it() -> None:
    from polybius.api import code_text

    text = "Lavrov insisted that Moscow had sent aid to Syria."
    events = code_text(text, date=dt.date(2014, 8, 18), include_modal=True)
    assert events and all(not e.modality.hypothetical for e in events)
    assert all(e.modality.reported for e in events)


def test_troops_massed_on_a_state_s_border_are_aimed_at_it() -> None:
    from polybius.api import code_text

    text = "Russia has massed more than 100,000 troops on Ukraine's borders."
    assert _triples(code_text(text, date=dt.date(2021, 12, 13))) == {("RUS", "UKR", "154")}


def test_conditional_force_is_hypothetical_but_the_warning_is_not() -> None:
    events = _code("Serbia warned that NATO would bomb Belgrade.")
    by_code = {e.cameo: e for e in events}
    assert not by_code["130"].modality.hypothetical
    assert by_code["190"].modality.hypothetical


def test_reported_speech_names_who_is_quoted() -> None:
    events = _code("Kazakh officials said that Kyrgyzstan had criticized Uzbekistan.")
    event = next(e for e in events if e.cameo == "111")
    assert event.modality.reported
    assert event.quoted is not None and event.quoted.code == "KAZGOV"


def test_a_meeting_others_expect_is_future_and_not_yet_a_fact() -> None:
    events = _code("The Indian premier is expected to meet Chinese President Jiang Zemin.")
    assert events and all(e.modality.future and not e.modality.factual for e in events)
    assert all(e.cameo == "040" for e in events), "a forecast is no announced intent (03x)"


def test_announced_intent_becomes_a_cameo_intent_code() -> None:
    events = _code("Armenia pledged to meet Azerbaijan.")
    assert ("ARM", "AZE", "036") in _triples(events)
    assert (
        intent_code("190") == "138" and intent_code("195") == "1384" and intent_code("111") == "111"
    )


def test_trigger_and_mentions_slice_back_to_the_text() -> None:
    text = "Later, Poland and Lithuania signed a memorandum on energy."
    for event in _code(text):
        assert text[slice(*event.trigger_span)] == event.trigger
        assert text[event.source.start : event.source.end] == event.source.text
        assert event.target is not None
        assert text[event.target.start : event.target.end] == event.target.text
        assert event.rule == "sign.v"


def test_condemning_the_raid_targets_who_carried_it_out() -> None:
    from polybius.api import code_text

    events = code_text(
        "Israeli troops raided a village in Lebanon. Lebanon condemned the raid.",
        date=dt.date(2006, 7, 20),
    )
    assert ("LBN", "ISRMIL") in {
        (e.source.code, e.target.code if e.target else None) for e in events
    }


def test_condemning_an_alleged_attack_targets_the_accused_not_the_accuser() -> None:
    from polybius.api import code_text

    events = code_text(
        "Albania cut ties with Iran on Wednesday, accusing Tehran of orchestrating a "
        "cyberattack on its government websites. The White House condemned the attack.",
        date=dt.date(2022, 9, 7),
    )
    condemned = {e.target.code for e in events if e.cameo == "111" and e.target}
    assert condemned == {"IRNGOV"}


def test_welcoming_the_decision_targets_who_made_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "The European Union imposed sanctions on Belarus. Poland welcomed the decision.",
        date=dt.date(2021, 6, 25),
    )
    welcome = [e for e in events if e.source.code == "POL"]
    assert welcome and welcome[0].target is not None
    assert welcome[0].target.code == "IGOEUREEC"
    assert "event-reference" in welcome[0].target.rule


def test_denouncing_a_move_we_do_not_code_targets_who_made_it() -> None:
    from polybius.api import code_text

    # Taking over a company is no event between two actors; its maker is still the target.
    events = code_text(
        "Argentine President Cristina Fernandez seized control of oil company YPF on Monday. "
        "Spain's Foreign Minister Jose Manuel Garcia-Margallo denounced the move as hostile.",
        date=dt.date(2012, 4, 16),
    )
    assert _triples(events) == {("ESPGOV", "ARGGOV", "111")}
    assert events[0].target is not None and "act-reference" in events[0].target.rule
    # No sentence before: no one to point back to.
    assert code_text("Spain denounced the move as hostile.", date=dt.date(2012, 4, 16)) == []


def test_a_thing_judged_targets_whoever_its_earlier_mention_says_made_it() -> None:
    from polybius.api import code_text

    # Making a law is no event we code; the law's earlier mention names its maker.
    events = code_text(
        "India introduced a new citizenship law in December. "
        "Pakistan's foreign ministry called the law discriminatory.",
        date=dt.date(2019, 12, 14),
    )
    assert _triples(events) == {("PAKGOV", "IND", "111")}
    assert events[0].target is not None and "antecedent" in events[0].target.rule
    # Judged, the law of no one named: no target, so no event.
    events = code_text(
        "Parliament debated the citizenship law in December. "
        "Pakistan's foreign ministry called the law discriminatory.",
        date=dt.date(2019, 12, 14),
    )
    assert _triples(events) == set()


def test_an_act_named_by_a_noun_judged_targets_its_earlier_doer() -> None:
    from polybius.api import code_text

    # "the investigation" names a kind of act; launched, not coded, by Australia.
    events = code_text(
        "Australia launched an inquiry into steel imports from Vietnam last month. "
        "Vietnam's trade ministry called the inquiry protectionism.",
        date=dt.date(2020, 3, 4),
    )
    judged = {t for t in _triples(events) if t[2] == "111"}
    assert judged == {("VNMGOV", "AUS", "111")}


def test_a_decision_judged_in_the_same_sentence_targets_the_earlier_clause_subject() -> None:
    from polybius.api import code_text

    events = code_text(
        "The Nicaraguan parliament approved a law banning opposition rallies on Tuesday, and "
        "the Chilean foreign minister called the decision shameful.",
        date=dt.date(2021, 9, 6),
    )
    assert _triples(events) == {("CHLGOV", "NICLEG", "111")}


def test_a_participle_modifying_the_object_is_not_its_kind() -> None:
    from polybius.api import code_text

    # "foreign-funded charities" are no funds given; approving a law is no aid.
    events = code_text(
        "The Nicaraguan parliament approved a law closing foreign-funded charities on Tuesday.",
        date=dt.date(2021, 9, 6),
    )
    assert not [e for e in events if e.cameo[:2] == "07"]


def test_a_move_condemned_in_a_relative_clause_targets_who_made_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "The Hungarian parliament passed a law restricting foreign-funded universities on "
        "Tuesday, a move the European Commission condemned as an attack on academic freedom.",
        date=dt.date(2017, 4, 4),
    )
    assert _triples(events) == {("IGOEUREEC", "HUNLEG", "111")}


def test_an_accusation_rejected_in_a_relative_clause_is_a_denial_of_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "Ukraine accused Belarus of letting Russian troops use its territory, an accusation "
        "Minsk rejected on Friday.",
        date=dt.date(2022, 3, 10),
    )
    assert ("BLRGOV", "UKR", "016") in _triples(events)
    assert not [e for e in events if e.cameo[:2] == "12"]


def test_denied_allegations_answer_the_act_reported_not_the_last_critic() -> None:
    from polybius.api import code_text

    # No accusation is coded, so the allegations are the detainers', not the White House's.
    events = code_text(
        "Russia's security service detained an American reporter in Moscow on Thursday. "
        "The White House condemned the detention, and the newspaper denied the allegations.",
        date=dt.date(2023, 3, 30),
    )
    denials = {(s, t) for s, t, c in _triples(events) if c == "016"}
    assert denials and all(t is not None and t.startswith("RUS") for _, t in denials)


def test_a_relative_clause_in_the_simple_past_reports_an_act_of_its_noun() -> None:
    from polybius.api import code_text

    events = code_text(
        "Turkish President Tayyip Erdogan, who visited Baghdad on Monday, said ties with Iraq "
        "were strong.",
        date=dt.date(2024, 4, 22),
    )
    assert ("TURGOV", "IRQGOV", "042") in _triples(events)
    # A state in the present is background, not an act: "gangs who control the capital".
    events = code_text(
        "Gangs who control most of the capital attacked a police station in Haiti on Monday.",
        date=dt.date(2024, 3, 4),
    )
    assert [e.trigger for e in events] == ["attacked"]


@pytest.mark.parametrize("tense", ["had met", "has met"])
def test_a_relative_clause_in_a_perfect_tense_reports_an_earlier_act(tense: str) -> None:
    from polybius.api import code_text

    events = code_text(
        f"UN Secretary-General Antonio Guterres, who {tense} Vladimir Putin in Moscow, said he "
        "hoped the evacuation could be repeated.",
        date=dt.date(2022, 5, 3),
    )
    assert {("IGOUNO", "RUSGOV", "040"), ("RUSGOV", "IGOUNO", "040")} <= _triples(events)
    # "was meeting" in a relative clause is still background
    events = code_text(
        "Guterres, who was meeting Vladimir Putin in Moscow, said he hoped for a deal.",
        date=dt.date(2022, 5, 3),
    )
    assert events == []


def test_who_brokered_an_agreement_mediated_between_those_who_made_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "Ethiopia and Eritrea signed a peace deal in Jeddah on Sunday, thanks to Saudi Arabia, "
        "which brokered the agreement.",
        date=dt.date(2018, 9, 16),
    )
    assert {t for t in _triples(events) if t[2] == "045"} == {
        ("SAU", "ETH", "045"),
        ("SAU", "ERI", "045"),
    }


def test_a_raid_made_as_part_of_an_investigation_is_the_investigation() -> None:
    from polybius.api import code_text

    events = code_text(
        "Indian police raided the offices of the BBC in New Delhi on Tuesday as part of a tax "
        "investigation.",
        date=dt.date(2023, 2, 14),
    )
    assert _triples(events) == {("INDCOP", "GBRMED", "091")}
    events = code_text(
        "Indian police raided the offices of the BBC in New Delhi on Tuesday.",
        date=dt.date(2023, 2, 14),
    )
    assert _triples(events) == {("INDCOP", "GBRMED", "170")}


def test_a_warning_that_the_warner_will_use_force_is_a_threat_of_force() -> None:
    from polybius.api import code_text

    def warning(text: str) -> str:
        events = code_text(text, date=dt.date(2022, 10, 4))
        return next(e.cameo for e in events if e.trigger == "warned")

    assert warning("Iran warned Israel on Monday that it would strike back with missiles.") == "138"
    assert warning("Russia warned Ukraine that Moscow was ready to use nuclear weapons.") == "1385"
    # Force used by another, or force only as the condition, is a plain warning.
    assert warning("Serbia warned Greece that NATO would bomb Belgrade.") == "130"
    assert (
        warning("Germany warned Russia that it would face sanctions if it invaded Ukraine.")
        == "130"
    )


def test_urging_a_return_to_talks_is_an_appeal_to_meet_not_for_a_release() -> None:
    from polybius.api import code_text

    events = code_text(
        "The European Union urged Armenia and Azerbaijan on Monday to return to talks.",
        date=dt.date(2020, 10, 5),
    )
    assert {e.cameo for e in events} == {"026"}
    # Returning people is still asking for a release.
    events = code_text("The UN urged Iran to return the British sailors.", date=dt.date(2007, 4, 1))
    assert {e.cameo for e in events} == {"0253"}


def test_a_meeting_in_a_named_town_of_a_third_country_is_044() -> None:
    from polybius.api import code_text

    events = code_text(
        "Indian Prime Minister Narendra Modi and Pakistani Prime Minister Nawaz Sharif met in "
        "the Russian city of Ufa on Friday.",
        date=dt.date(2015, 7, 10),
    )
    assert _triples(events) == {("INDGOV", "PAKGOV", "044"), ("PAKGOV", "INDGOV", "044")}


def test_condemning_a_takeover_targets_who_seized_power() -> None:
    from polybius.api import code_text

    events = code_text(
        "Army officers in Guinea seized power on Sunday. The African Union condemned the takeover.",
        date=dt.date(2021, 9, 6),
    )
    assert _triples(events) == {("IGOAFRAFU", "GINMIL", "111")}


def test_dismissing_findings_answers_who_made_them_not_whom_they_accuse() -> None:
    from polybius.api import code_text

    events = code_text(
        "Investigators from the Organisation for the Prohibition of Chemical Weapons concluded "
        "that the Syrian air force had used sarin against civilians. "
        "Damascus dismissed the findings as fabricated.",
        date=dt.date(2018, 6, 13),
    )
    assert ("SYRGOV", "IGOOPW", "016") in _triples(events)
    assert not any(e.cameo == "016" and e.target and e.target.code == "SYRMIL" for e in events)


def test_people_released_are_the_target() -> None:
    from polybius.api import code_text

    events = code_text("Iran released two French nationals.", date=dt.date(2023, 1, 1))
    assert {(e.source.code, e.target.code if e.target else None) for e in events} == {
        ("IRN", "FRA")
    }


def test_an_attack_on_a_city_is_aimed_at_its_country() -> None:
    from polybius.api import code_text

    events = code_text(
        "Russian forces shelled the city of Kharkiv overnight.", date=dt.date(2023, 5, 1)
    )
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [
        ("RUSMIL", "UKR")
    ]
    assert events[0].target is not None and events[0].target.rule.startswith("location-as-target")


def test_talks_before_an_agreement_are_not_future() -> None:
    from polybius.api import code_text

    events = code_text(
        "Saudi Arabia and Iran agreed to reopen embassies after talks in Beijing.",
        date=dt.date(2023, 3, 10),
        include_modal=True,
    )
    talks = [e for e in events if e.trigger == "talks"]
    assert talks and not any(e.modality.future for e in talks)


def test_alleging_violence_is_an_accusation_of_whoever_is_alleged_to_have_done_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "Armenia claimed that Azerbaijan had shelled Armenian villages.", date=dt.date(2022, 9, 14)
    )
    accusations = [e for e in events if e.cameo == "112"]
    assert [(e.source.code, e.target.code if e.target else None) for e in accusations] == [
        ("ARM", "AZE")
    ]
    assert accusations[0].trigger == "claimed"


def test_a_city_is_placed_by_every_country_the_text_names_so_far() -> None:
    from polybius.api import get_pipeline
    from polybius.nlp import parse_text
    from polybius.parsed import freeze

    pipeline = get_pipeline()
    doc = freeze(parse_text("Russia said that Ukrainian forces shelled Donetsk."))
    actors = resolve_actors(
        doc, kb=pipeline.kb, date=dt.date(2015, 1, 1), gazetteer=pipeline.gazetteer
    )
    donetsk = next(t for t in doc if t.text == "Donetsk")
    assert actors.places[donetsk.i] == "UKR"


def test_what_is_received_runs_from_the_giver_to_the_subject() -> None:
    triples = _triples(_code("Georgia received assurances from Russia on Monday."))
    assert triples == {("RUS", "GEO", "030")}, "an assurance received is no visit hosted"


def test_receiving_a_visitor_is_still_hosting() -> None:
    assert ("CHN", "RUSMIL", "043") in _triples(
        _code(
            "China received Russian Defense Minister Igor Sergeev on Tuesday.",
            date=dt.date(1998, 10, 22),
        )
    )


def test_a_nouns_adjective_narrows_its_entry() -> None:
    events = _code("Kyiv received a package of military aid from Washington.")
    assert {e.cameo for e in events} == {"072"}


def test_the_people_a_participle_describes_were_acted_upon() -> None:
    events = _code("Two Israeli soldiers killed by Hezbollah were buried on Monday.")
    assert ("LBNREB", "ISRMIL", "190") in _triples(events)
    assert not any(e.source.code == "ISRMIL" for e in events)


def test_a_coordinated_passive_takes_the_shared_subject_as_target() -> None:
    events = _code("The prisoners were tried and released by Russia.")
    assert {(e.source.code, e.cameo) for e in events} == {("RUS", "0841")}
    assert all(e.target is not None and "prisoners" in e.target.text for e in events)


def test_an_agent_takes_the_one_country_whose_agents_act_in_its_sentence() -> None:
    assert ("SYRREB", "SYRMIL", "190") in _triples(_code("Rebels attacked Syrian troops."))


def test_a_country_that_is_only_a_party_places_no_agent() -> None:
    assert _triples(_code("Rebels attacked Syria on Monday.")) == {("---REB", "SYR", "190")}


def test_an_agent_among_several_countries_is_coded_as_unknown_country() -> None:
    triples = _triples(_code("Rebels attacked Russian and Syrian troops on Monday."))
    assert triples == {("---REB", "RUSMIL", "190"), ("---REB", "SYRMIL", "190")}


def test_an_agent_of_a_place_belongs_to_its_country() -> None:
    triples = _triples(_code("Israel released the mayor of a town in Lebanon."))
    assert triples == {("ISR", "LBNGOV", "0841")}


def test_saying_one_will_not_cooperate_is_a_rejection_that_happened() -> None:
    events = _code("Obama said he would not provide aid to Israel.", date=dt.date(2012, 3, 1))
    assert _triples(events) == {("USAGOV", "ISR", "122")}, "CAMEO's rejection of aid"
    assert events[0].modality.factual


def test_refusing_to_release_is_a_refusal_to_yield() -> None:
    events = _code("Iran refused to release the British sailors.", date=dt.date(2007, 4, 1))
    assert {e.cameo for e in events} == {"1243"}


def test_it_refers_to_the_country_that_speaks() -> None:
    events = _code("Iran said on Monday that it had attacked Iraq.", date=dt.date(2020, 1, 8))
    assert _triples(events) == {("IRN", "IRQ", "190")}
    assert _code("It is clear that Iraq was attacked.") == []


def test_saying_one_will_not_attack_is_no_rejection() -> None:
    events = _code("Russia said it would not attack Ukraine.", date=dt.date(2021, 12, 1))
    assert events and all(not e.modality.factual for e in events)
    assert not any(e.cameo.startswith("12") for e in events)


def test_a_meeting_in_a_third_country_is_044() -> None:
    events = _code("The foreign ministers of India and Pakistan met at a summit in Sri Lanka.")
    assert _triples(events) == {("INDGOV", "PAKGOV", "044"), ("PAKGOV", "INDGOV", "044")}
    assert {e.cameo for e in _code("Russian and Chinese officials met in Moscow.")} == {"040"}


def test_an_accusation_is_coded_by_the_act_alleged() -> None:
    events = _code("Pakistan accused Indian troops of killing its soldiers.")
    assert ("PAK", "INDMIL", "1123") in _triples(events)
    from polybius.api import code_text

    light = code_text("Armenia accused Azerbaijan of carrying out ethnic cleansing.")
    assert ("ARM", "AZE", "1124") in _triples(light), "the act named by a light verb's object"
    war = code_text("Georgia accused Russia on Friday of waging war against its people.")
    assert ("GEO", "RUS", "1123") in _triples(war), "'waging' is no form of 'wag'"
    crimes = code_text("Ukraine accused Russia of war crimes in Bucha.")
    assert {e.cameo for e in crimes} == {"1124"}, "war crimes are no common crime"
    humanity = code_text("Rights groups accused officials and soldiers of crimes against humanity.")
    assert {e.cameo for e in humanity} == {"1124"}, "nor crimes against humanity"
    trade = code_text("Canada accused the United States of waging a trade war.")
    assert {e.cameo for e in trade} == {"112"}, "a trade war is no aggression"


def test_a_warning_of_ones_own_force_is_a_threat() -> None:
    events = _code("Russia warned Georgia that it would attack Tbilisi.", date=dt.date(2008, 8, 1))
    assert ("RUS", "GEO", "138") in _triples(events)


def test_a_threat_to_act_is_coded_as_the_threat_even_when_parsed_as_a_purpose() -> None:
    events = _code("Russia threatened on Thursday to attack Georgia.", date=dt.date(2008, 8, 1))
    assert ("RUS", "GEO", "138") in _triples([e for e in events if e.modality.factual])


def test_a_purpose_is_not_yet_done() -> None:
    events = _code("Russia sent troops to Georgia to attack Tbilisi.", date=dt.date(2008, 8, 1))
    attacks = [e for e in events if e.trigger == "attack"]
    assert attacks and all(e.modality.hypothetical for e in attacks)


def test_saying_another_must_act_is_a_demand_and_should_an_appeal() -> None:
    demand = _code("Russia said on Tuesday that Iran must release the prisoners.")
    assert ("RUS", "IRN", "1053") in _triples(demand), "a demand for release"
    appeal = _code("Russia said that Iran should attack Iraq.")
    assert ("RUS", "IRN", "020") in _triples(appeal)
    assert not any(e.cameo.startswith("10") for e in _code("Russia said it must attack Iraq."))


def test_the_weapons_named_narrow_an_attack() -> None:
    events = _code("Russia attacked Georgia with artillery.", date=dt.date(2008, 8, 9))
    assert _triples(events) == {("RUS", "GEO", "194")}
    events = _code("Russia attacked Georgia with missiles.", date=dt.date(2008, 8, 9))
    assert _triples(events) == {("RUS", "GEO", "195")}


def test_a_consultation_by_phone_is_041() -> None:
    events = _code("Russia discussed the crisis with Georgia in a phone call.")
    assert {e.cameo for e in events} == {"041"}


def test_a_rejection_is_coded_by_what_it_rejects() -> None:
    events = _code(
        "Iran rejected calls for the release of the prisoners.", date=dt.date(2007, 4, 1)
    )
    assert {e.cameo for e in events if e.trigger == "rejected"} <= {"1243", "120"}
    events = _code("Russia rejected Georgia's demand to release the prisoners.")
    assert ("RUS", "GEO", "1243") in _triples(events)


def test_tear_gas_on_protesters_is_repression_not_chemical_war() -> None:
    from polybius.api import code_text

    events = code_text("Kenyan police fired tear gas at opposition protesters in Nairobi.")
    assert [(e.source.code, e.target.code if e.target else None, e.cameo) for e in events] == [
        ("KENCOP", "KENOPP", "175")
    ]


def test_a_protest_in_a_place_is_a_demonstration() -> None:
    from polybius.api import code_text

    events = code_text("Thousands of Israelis protested in Tel Aviv against the government.")
    assert {e.cameo for e in events} == {"141"}


def test_a_follow_up_sentence_happens_where_the_one_before_did() -> None:
    from polybius.api import code_text

    text = (
        "Kenyan police arrested dozens of opposition supporters in Nairobi on Friday. "
        "The opposition leader condemned the arrests. "
        "He urged the government to release them."
    )
    triples = _triples(code_text(text, date=dt.date(2018, 6, 5)))
    assert ("KENCOP", "KENOPP", "173") in triples
    assert ("KENOPP", "KENCOP", "111") in triples, "condemned the arrests: by the police"
    assert ("KENOPP", "KENGOV", "0253") in triples, "he is the opposition leader"


def test_rejecting_measures_reported_before_rejects_who_took_them() -> None:
    from polybius.api import code_text

    text = (
        "The European Union imposed sanctions on Belarusian officials. "
        "Minsk rejected the sanctions."
    )
    triples = _triples(code_text(text, date=dt.date(2021, 6, 5)))
    assert ("BLRGOV", "IGOEUREEC", "120") in triples


def test_arriving_in_ones_own_capital_is_no_visit() -> None:
    from polybius.api import code_text

    assert code_text("Indian Prime Minister Narendra Modi returned to New Delhi.") == []
    visits = code_text("Lula visited Buenos Aires on Monday.", date=dt.date(2023, 1, 23))
    assert _triples(visits) == {
        ("BRAGOV", "ARGGOV", "042"),
        ("ARGGOV", "BRAGOV", "043"),
    }


def test_an_amount_of_aid_carries_the_event_and_particles_keep_their_place() -> None:
    from polybius.api import code_text

    aid = code_text("Tonnes of medical supplies were brought into Gaza by the Red Cross.")
    assert {(e.target.code if e.target else None, e.cameo) for e in aid} == {("PSE", "073")}
    retreat = code_text("Israeli troops pulled out of the West Bank town of Jenin.")
    assert _triples(retreat) == {("ISRMIL", "PSE", "0874")}


def test_the_two_ministers_are_the_two_sides_not_a_title_and_its_name() -> None:
    from polybius.api import code_text

    text = (
        "Egypt's foreign minister Sameh Shoukry held talks with his Sudanese counterpart in "
        "Cairo. The two ministers discussed the dam. Shoukry warned that Egypt would not "
        "accept any harm to its interests."
    )
    triples = _triples(code_text(text, date=dt.date(2021, 3, 2)))
    assert {("EGYGOV", "SDNGOV", "040"), ("SDNGOV", "EGYGOV", "040")} <= triples
    assert not any(s[:3] == t[:3] for s, t, _ in triples if t), "no state acts on itself"


def test_people_harmed_in_an_attack_are_its_target_and_its_leader_or_author_its_source() -> None:
    from polybius.api import code_text

    died = code_text("Twelve civilians died in a Saudi-led air strike on a market in Yemen.")
    assert _triples(died) == {("SAU", "YEMCVL", "195")}
    wounded = code_text("Two policemen were wounded in a bomb attack by rebels in Chad.")
    assert {(e.source.code, e.target.code if e.target else None) for e in wounded} == {
        ("TCDREB", "TCDCOP")
    }
    # Someone named as the killer is the killing's author; the attack adds no second target.
    named = code_text("Two policemen were killed by rebels in an ambush in Chad.")
    assert ("TCDREB", "TCDCOP", "190") in _triples(named)


def test_a_role_named_with_of_is_read_whole() -> None:
    from polybius.api import code_text

    visit = code_text("The Russian minister of defence arrived in Beijing on Monday.")
    assert ("RUSMIL", "CHNGOV", "042") in _triples(visit)


def test_a_show_of_force_along_a_border_is_aimed_across_it() -> None:
    from polybius.api import code_text

    alert = code_text("Pakistan put its troops on high alert along the border with India.")
    assert _triples(alert) == {("PAK", "IND", "152")}
    massed = code_text("Russia massed troops near its frontier with Ukraine.")
    assert {(e.source.code, e.target.code if e.target else None) for e in massed} == {
        ("RUS", "UKR")
    }


def test_a_strike_on_a_weekday_is_a_labour_strike_aimed_at_whom_it_presses() -> None:
    from polybius.api import code_text

    events = code_text(
        "Nigerian trade unions launched a general strike on Monday to force the government "
        "to restore fuel subsidies.",
        date=dt.date(2012, 1, 9),
    )
    strikes = {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}
    assert ("NGALAB", "NGAGOV", "143") in strikes
    assert not any(code.startswith("19") for _, _, code in strikes)


def test_an_act_one_is_condemned_for_is_taken_as_done_an_act_one_is_accused_of_is_not() -> None:
    from polybius.api import code_text

    condemned = code_text(
        "The United States condemned Myanmar's military for detaining the country's civilian "
        "leader.",
        date=dt.date(2021, 2, 2),
    )
    assert ("MMRMIL", "MMRGOV", "173") in _triples(condemned)
    accused = code_text("Pakistan accused Indian troops of killing its soldiers.")
    assert not any(e.cameo.startswith("19") for e in accused)


def test_a_target_may_hang_from_the_last_of_coordinated_objects() -> None:
    from polybius.api import code_text

    events = code_text("The United States imposed a travel ban and an arms embargo on Sudan.")
    # The travel ban (a restriction, here on another country: a sanction) reaches Sudan.
    bans = [e for e in events if e.rule == "impose-restrictions.v"]
    assert bans and {("USA", "SDN", "163")} == _triples(bans)


def test_pirates_seizing_a_ship_hijack_it_and_a_state_confiscates_it() -> None:
    from polybius.api import code_text

    pirates = code_text("Somali pirates seized a Saudi oil tanker off the coast of Kenya.")
    assert {e.cameo for e in pirates} == {"181"}
    state = code_text("Iran seized a British tanker in the Strait of Hormuz.")
    assert {e.cameo for e in state} == {"1711"}


def test_the_weapon_narrows_an_attack_and_its_toll() -> None:
    from polybius.api import code_text

    car_bomb = code_text(
        "Militants detonated a car bomb in Kandahar, killing nine Afghan policemen."
    )
    assert {e.cameo for e in car_bomb if e.trigger == "killing"} == {"1832"}
    gas = code_text("Syria's air force attacked rebels with sarin.", date=dt.date(2017, 4, 4))
    assert {e.cameo for e in gas} == {"2041"}
    # What was hit is no weapon: a nuclear plant shelled is shelling (194).
    plant = code_text("Russian forces shelled the nuclear power plant in Ukraine.")
    assert {e.cameo for e in plant} == {"194"}
    # Nor is the arm a weapon is made against: anti-aircraft guns fire no air strike.
    guns = code_text("The United States fired anti-aircraft batteries at Russia.")
    assert {e.cameo for e in guns} == {"190"}


def test_a_broker_mediates_between_the_parties_to_what_it_brokered() -> None:
    from polybius.api import code_text

    under = code_text(
        "Armenia and Azerbaijan agreed to halt the fighting under a deal brokered by Russia."
    )
    assert {("RUS", "ARM", "045"), ("RUS", "AZE", "045")} <= _triples(under)
    between = code_text("Qatar brokered a deal between Israel and Hamas.")
    assert _triples(between) == {("QAT", "ISR", "045"), ("QAT", "PSEREB", "045")}


def test_an_envoy_recalled_from_a_post_is_recalled_from_that_country() -> None:
    from polybius.api import code_text

    events = code_text("Israel recalled its ambassadors to Spain and Norway for consultations.")
    assert {("ISR", "ESP", "161"), ("ISR", "NOR", "161")} <= _triples(events)


def test_a_warning_of_ones_own_forces_act_threatens_that_acts_target() -> None:
    from polybius.api import code_text

    events = code_text("Russia warned that its army would attack Georgian positions.")
    assert ("RUS", "GEO", "138") in _triples([e for e in events if e.modality.factual])
    assert not any(e.target and e.target.code.startswith("RUS") for e in events)


def test_force_used_to_break_up_a_protest_is_aimed_at_the_protesters() -> None:
    from polybius.api import code_text

    events = code_text(
        "Kenyan police fired tear gas and water cannon on Monday to break up a march by "
        "opposition supporters in Nairobi."
    )
    assert ("KENCOP", "KENOPP", "175") in _triples([e for e in events if e.modality.factual])


def test_an_act_forecast_as_due_or_likely_is_not_yet_done() -> None:
    from polybius.api import code_text

    text = "India and Pakistan are due to sign a joint declaration in Lahore on Sunday."
    assert code_text(text) == []
    modal = code_text(text, include_modal=True)
    assert modal and all(e.modality.hypothetical for e in modal)


def test_an_act_scheduled_with_is_to_is_not_yet_done() -> None:
    from polybius.api import code_text

    text = "The Turkish foreign minister is to visit Greece next week."
    assert code_text(text, date=dt.date(2001, 5, 10)) == []
    modal = code_text(text, date=dt.date(2001, 5, 10), include_modal=True)
    assert ("TURGOV", "GRC", "042") in _triples(modal)
    assert all(e.modality.hypothetical for e in modal)


def test_a_headline_infinitive_announces_a_future_act() -> None:
    from polybius.api import code_text

    headline = "Turkey to send troops to Libya"
    assert code_text(headline) == []
    assert all(e.modality.future for e in code_text(headline, include_modal=True))
    assert _triples(code_text("Turkey sends troops to Libya"))  # the present tense is done


def test_a_headline_joins_its_subjects_with_a_comma() -> None:
    events = _code("Putin, Xi hold talks in Moscow", dt.date(2019, 6, 5))
    assert _triples(events) >= {("RUSGOV", "CHNGOV", "046"), ("CHNGOV", "RUSGOV", "046")}
    # A fronted time phrase is no partner.
    assert _triples(_code("Yesterday, Russia attacked Ukraine.")) == {("RUS", "UKR", "190")}


def test_calling_something_a_name_is_no_phone_call() -> None:
    from polybius.api import code_text

    named = code_text("Britain praised Kenya for the arrest, calling it a milestone.")
    assert {e.cameo for e in named} == {"051"}
    called = code_text("Putin called Erdogan on Monday.", date=dt.date(2020, 3, 2))
    assert {e.cameo for e in called} == {"041"}


def test_a_toll_after_a_coded_attack_is_no_second_attack() -> None:
    from polybius.api import code_text

    fired = code_text(
        "Syrian security forces opened fire on protesters in Deraa on Wednesday, killing at "
        "least six people.",
        date=dt.date(2011, 3, 23),
    )
    assert _triples(fired) == {("SYRCOP", "SYROPP", "175")}
    # With no attack coded before it, the toll is the event.
    camp = code_text("Sudanese security forces stormed a camp in Khartoum, killing 30 people.")
    assert _triples(camp) == {("SDNCOP", "SDNCVL", "190")}


def test_military_targets_struck_in_a_country_are_its_armed_forces() -> None:
    from polybius.api import code_text

    military = code_text("Russian warplanes struck military targets near Kharkiv on Monday.")
    assert _triples(military) == {("RUSMIL", "UKRMIL", "195")}
    # Targets with no such word stay the country's; a camp "inside" a country is in it.
    camps = code_text("Indian warplanes struck a militant training camp inside Pakistan.")
    assert _triples(camps) == {("INDMIL", "PAK", "195")}


def test_forces_sent_on_request_or_to_help_are_protection_not_mobilisation() -> None:
    from polybius.api import code_text

    asked = code_text("France sent troops to Chad at the request of its government.")
    assert _triples(asked) == {("FRA", "TCD", "074")}
    helping = code_text("Kenya deployed police officers to Haiti to help restore order.")
    assert ("KEN", "HTI", "074") in _triples(helping)
    border = code_text("Venezuela sent tank battalions to the border with Colombia.")
    assert _triples(border) == {("VEN", "COL", "154")}


def test_agreeing_to_hold_talks_is_coded_once_as_the_intent_to_meet() -> None:
    from polybius.api import code_text

    events = code_text("Serbia and Kosovo agreed on Monday to hold talks on energy.")
    assert sorted((e.source.code, e.target.code, e.cameo, e.trigger) for e in events) == [
        ("KOS", "SRB", "036", "talks"),
        ("SRB", "KOS", "036", "talks"),
    ]


def test_rejecting_the_demand_made_before_is_coded_by_its_kind() -> None:
    from polybius.api import code_text

    events = code_text(
        "The United States demanded that Iraq withdraw its troops from Kuwait. "
        "Baghdad rejected the demand on Thursday.",
        date=dt.date(1990, 8, 8),
    )
    assert ("IRQGOV", "USA", "1246") in _triples(events)


def test_people_described_as_supporting_someone_make_no_act_of_support() -> None:
    from polybius.api import code_text

    described = code_text(
        "Hundreds of people supporting President Trump gathered outside the White House."
    )
    assert not any(e.cameo.startswith("05") for e in described)
    acted = code_text("Belarus supported Russia's position at the United Nations.")
    assert any(e.cameo.startswith("05") for e in acted)


def test_a_protest_against_a_policy_is_a_protest_for_policy_change() -> None:
    from polybius.api import code_text

    strike = code_text(
        "Ghanaian trade unions launched a strike against the removal of fuel subsidies."
    )
    assert {e.cameo for e in strike} == {"1432"}
    rally = code_text(
        "Thousands of students demonstrated in Santiago against the education reform."
    )
    assert {e.cameo for e in rally} == {"1412"}
    # Against a person, no policy is named.
    leader = code_text("Thousands of students demonstrated in Santiago against President Pinera.")
    assert {e.cameo for e in leader} == {"141"}


def test_killing_civilians_by_the_hundreds_is_a_mass_killing() -> None:
    from polybius.api import code_text

    villagers = code_text("Arab militias killed hundreds of villagers in Sudan's Darfur region.")
    assert {e.cameo for e in villagers} == {"202"}
    # Even as the toll of an attack; soldiers killed by the hundreds are combat (190).
    shelled = code_text("The Syrian army shelled Homs, killing hundreds of civilians.")
    assert ("SYRMIL", "SYRCVL", "202") in _triples(shelled)
    soldiers = code_text("Rebels killed hundreds of Syrian soldiers in the province.")
    assert {e.cameo for e in soldiers} == {"190"}


def test_who_planted_or_fired_the_weapon_is_the_attacker() -> None:
    from polybius.api import code_text

    events = code_text(
        "A roadside bomb planted by Maoist rebels destroyed a police vehicle in India's "
        "Chhattisgarh state on Wednesday, killing 10 policemen."
    )
    assert ("INDREB", "INDCOP", "1833") in _triples(events)


def test_an_object_pronoun_is_not_its_own_clauses_subject_and_a_call_partner_is_found() -> None:
    from polybius.api import code_text

    events = code_text(
        "German Chancellor Angela Merkel spoke by telephone with Russian President Vladimir "
        "Putin on Sunday and pressed him to accept a contact group.",
        date=dt.date(2014, 3, 9),
    )
    triples = _triples(events)
    assert {("DEUGOV", "RUSGOV", "041"), ("RUSGOV", "DEUGOV", "041")} <= triples
    assert ("DEUGOV", "DEUGOV", "020") not in triples
    assert any(t[:2] == ("DEUGOV", "RUSGOV") and t[2].startswith("02") for t in triples)


def test_accusing_each_other_goes_both_ways() -> None:
    from polybius.api import code_text

    events = code_text("India and Pakistan accused each other of violating the ceasefire.")
    assert {(e.source.code, e.target.code if e.target else None) for e in events} == {
        ("IND", "PAK"),
        ("PAK", "IND"),
    }


def test_a_demand_that_someone_act_targets_them_even_when_the_clause_is_misparsed() -> None:
    from polybius.api import code_text

    # The small model parses these bare subjunctive clauses as noun phrases.
    triples = _triples(
        code_text(
            "The U.N. Security Council demanded on Friday that Ethiopia and Eritrea halt "
            "hostilities immediately."
        )
    )
    assert {("IGOUNO", "ETH"), ("IGOUNO", "ERI")} <= {t[:2] for t in triples}
    triples = _triples(
        code_text(
            "Protesters in Kiev demanded on Sunday that President Viktor Yanukovych resign.",
            date=dt.date(2013, 12, 8),
        )
    )
    assert ("UKROPP", "UKRGOV", "1041") in triples


def test_a_purpose_clause_aims_force_at_whoever_held_what_it_breaks_up() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "Kenyan police fired tear gas on Monday to break up a march by several hundred "
            "opposition supporters in central Nairobi."
        )
    )
    assert ("KENCOP", "KENOPP", "175") in triples


def test_an_event_carried_by_a_message_and_one_returned_from() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "Chinese President Hu Jintao sent a message of condolence to Japan's Emperor "
            "Akihito on Saturday.",
            date=dt.date(2011, 3, 12),
        )
    )
    assert ("CHNGOV", "JPNGOV", "018") in triples
    assert not any(t[2].startswith("07") for t in triples)  # a message is no aid
    triples = _triples(
        code_text(
            "Tsai Ing-wen returned from a meeting with U.S. House Speaker Kevin McCarthy.",
            date=dt.date(2023, 4, 7),
        )
    )
    assert ("TWNGOV", "USALEG", "040") in triples


def test_a_plural_the_tagger_takes_for_a_verb_is_still_an_event_noun() -> None:
    from polybius.api import code_text

    events = code_text("China's military launched large-scale combat drills around Taiwan.")
    assert ("CHNMIL", "TWN", "150") in _triples(events)


def test_a_persons_name_is_the_entity_nearest_the_head_and_the_rest_is_title() -> None:
    from polybius.api import code_text

    # The small model reads "Jailed Kremlin" as a person and stops "Aung San" short.
    triples = _triples(
        code_text(
            "Jailed Kremlin critic Alexei Navalny went on hunger strike on Wednesday to demand "
            "proper medical care from prison authorities.",
            date=dt.date(2021, 3, 31),
        )
    )
    assert ("RUSOPP", "RUSCOP", "142") in triples
    events = code_text(
        "Myanmar's military government released pro-democracy leader Aung San Suu Kyi from "
        "house arrest on Saturday.",
        date=dt.date(2010, 11, 13),
    )
    assert [(e.target.code, e.cameo) for e in events if e.target] == [("MMROPP", "0841")]


def test_a_group_is_the_actor_its_of_phrase_names() -> None:
    from polybius.api import code_text

    events = code_text(
        "A delegation of U.S. senators arrived in Hanoi on Friday for a three-day visit.",
        date=dt.date(2015, 5, 29),
    )
    assert ("USALEG", "VNMGOV", "042") in _triples(events)


def test_asking_forgiveness_is_an_apology() -> None:
    from polybius.api import code_text

    events = code_text("The German president asked Namibia for forgiveness.")
    assert ("DEUGOV", "NAM", "055") in _triples(events)


def test_an_adjective_predicate_is_a_comment_on_the_other_actor_it_names() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "Israeli Prime Minister Yitzhak Rabin said on Sunday he was optimistic that a full "
            "peace treaty with Jordan could be concluded before the end of the year.",
            date=dt.date(1994, 7, 24),
        )
    )
    assert ("ISRGOV", "JOR", "013") in triples
    # Where the subject is no actor, the speaker holds the view.
    triples = _triples(
        code_text(
            "Russian Foreign Minister Sergei Lavrov said on Wednesday that the prospects for "
            "arms control talks with Washington were bleak.",
            date=dt.date(2023, 2, 1),
        )
    )
    assert ("RUSGOV", "USAGOV", "012") in triples
    assert code_text("The minister was worried about inflation.") == []


def test_a_past_when_clause_under_an_appeal_reports_what_happened() -> None:
    from polybius.api import code_text

    events = code_text(
        "British Prime Minister Rishi Sunak urged Egyptian President Abdel Fattah al-Sisi to "
        "free the activist when the two met in Sharm el-Sheikh on Monday.",
        date=dt.date(2022, 11, 8),
    )
    met = [e for e in events if e.cameo == "040"]
    assert {(e.source.code, e.target.code if e.target else None) for e in met} == {
        ("GBRGOV", "EGYGOV"),
        ("EGYGOV", "GBRGOV"),
    }
    assert all(e.modality.factual for e in met)
    # The act appealed for has not happened.
    assert not any(e.modality.factual for e in events if e.cameo == "0841")


def test_acting_as_a_mediator_and_standing_by_a_partner() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "Turkish President Recep Tayyip Erdogan offered on Tuesday to act as a mediator "
            "between Russia and Ukraine.",
            date=dt.date(2022, 3, 1),
        )
    )
    assert {("TURGOV", "RUS", "039"), ("TURGOV", "UKR", "039")} <= triples
    triples = _triples(code_text("China promised on Thursday to stand by Pakistan."))
    assert ("CHN", "PAK", "032") in triples


def test_a_bodys_officer_is_she_and_a_by_phrase_under_a_light_verb_is_the_target() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "The International Criminal Court's prosecutor said on Wednesday she had opened an "
            "investigation into possible war crimes by Israeli forces and Palestinian militants."
        )
    )
    assert {("IGOJUDICC", "ISRMIL", "094"), ("IGOJUDICC", "PSEREB", "094")} <= triples


def test_an_election_rival_is_the_opposition() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "Ivory Coast's incumbent leader Laurent Gbagbo refused on Tuesday to hand power to "
            "his election rival Alassane Ouattara.",
            date=dt.date(2010, 12, 7),
        )
    )
    assert ("CIVGOV", "CIVOPP", "1231") in triples


def test_talks_deep_in_a_time_phrase_and_an_event_that_is_an_agentless_passives_subject() -> None:
    from polybius.api import code_text

    events = code_text(
        "Serbia and Kosovo failed to sign an agreement on Tuesday at the end of two days of "
        "talks in Brussels."
    )
    talks = {
        (e.source.code, e.target.code if e.target else None) for e in events if e.cameo == "044"
    }  # talks in a third country's capital: a meeting at a third location
    assert talks == {("SRB", "KOS"), ("KOS", "SRB")}
    assert all(e.modality.factual for e in events if e.cameo == "044")
    assert not any(e.modality.factual for e in events if e.cameo == "057")
    triples = _triples(
        code_text(
            "The signing of the arms reduction treaty by U.S. President Barack Obama and Russian "
            "President Dmitry Medvedev in Prague on Thursday was welcomed as a fresh start.",
            date=dt.date(2010, 4, 8),
        )
    )
    assert {("USAGOV", "RUSGOV", "057"), ("RUSGOV", "USAGOV", "057")} <= triples


def test_a_military_government_governs_and_a_region_owns_nothing() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "Myanmar's military government released opposition leader Aung San Suu Kyi on "
            "Saturday.",
            date=dt.date(2010, 11, 13),
        )
    )
    assert ("MMRGOV", "MMROPP", "0841") in triples
    events = code_text(
        "Russian troops seized Europe's largest nuclear power plant at Zaporizhzhia in "
        "southern Ukraine on Friday.",
        date=dt.date(2022, 3, 4),
    )
    assert {e.target.code for e in events if e.target} == {"UKR"}


def test_aid_pledged_as_an_amount_has_a_recipient_and_forces_sent_are_no_target() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text("The European Union pledged 50 million euros in humanitarian aid to Sudan.")
    )
    assert ("IGOEUREEC", "SDN", "033") in triples
    events = code_text("China sent warships to the disputed waters on Monday.")
    assert not any(e.target and e.target.actor and e.target.actor.country is None for e in events)
    triples = _triples(code_text("Russia deployed troops to Belarus."))
    assert ("RUS", "BLR", "154") in triples


def test_a_rally_is_aimed_at_whom_its_purpose_protests_and_a_pledge_for_someone_is_to_them() -> (
    None
):
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "Thousands of Serbs rallied in Belgrade to protest against the government of "
            "President Aleksandar Vucic.",
            date=dt.date(2023, 6, 1),
        )
    )
    assert ("SRB", "SRBGOV", "141") in triples
    triples = _triples(code_text("Japan pledged continued support for Ukraine."))
    assert ("JPN", "UKR", "032") in triples


def test_weapons_that_hit_something_attack_it_and_sanctions_do_not() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text("Ukrainian drones hit an oil refinery in Russia's Krasnodar region overnight.")
    )
    assert ("UKR", "RUS", "1952") in triples, "a drone attack"
    assert code_text("U.S. sanctions hit Iran's oil exports.") == []
    triples = _triples(
        code_text("An Iranian drone struck a tanker off the coast of Oman on Thursday.")
    )
    assert ("IRN", "OMN", "1952") in triples


def test_a_name_two_actors_share_is_the_one_of_the_country_in_view() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "The Sudanese army and the RSF resumed fighting in Khartoum.", date=dt.date(2023, 9, 1)
        )
    )
    assert ("SDNMIL", "SDNREB", "190") in triples
    events = code_text("Media watchdog RSF condemned the arrest of the journalist in Russia.")
    assert [e.source.code for e in events] == ["NGOMED"]


def test_a_leader_of_a_body_belongs_to_the_body_not_the_government() -> None:
    from polybius.api import code_text

    triples = _triples(code_text("Mexican soldiers arrested a drug cartel leader in Sinaloa."))
    assert ("MEXMIL", "MEXCRM", "173") in triples
    triples = _triples(code_text("The Iranian army chief met the Iraqi defence minister."))
    assert ("IRNMIL", "IRQMIL", "040") in triples


def test_a_traveller_holds_the_talks_it_came_for_and_a_parsed_warning_clause_is_not_scanned() -> (
    None
):
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "Iran's foreign minister arrived in Riyadh on Thursday for talks with Saudi officials.",
            date=dt.date(2023, 8, 17),
        )
    )
    assert {("IRNGOV", "SAUGOV", "040"), ("SAUGOV", "IRNGOV", "040")} <= triples
    # The clause has its own subject (no actor): the sanctions' owner is not the one warned.
    assert code_text("Washington warned that any arms deal would violate UN sanctions.") == []


def test_a_protest_is_coded_by_what_it_demands_and_the_demand_not_again() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "Tens of thousands of protesters marched through Bangkok on Saturday demanding the "
            "resignation of Prime Minister Thaksin Shinawatra.",
            date=dt.date(2006, 3, 5),
        )
    )
    assert triples == {("THAOPP", "THAGOV", "1411")}
    triples = _triples(code_text("China urged both India and Pakistan to exercise restraint."))
    assert {("CHN", "IND", "025"), ("CHN", "PAK", "025")} <= triples


def test_protesters_using_force_on_their_own_state_riot() -> None:
    from polybius.api import code_text

    triples = _triples(code_text("Protesters clashed with police in Nairobi."))
    assert triples == {("KENOPP", "KENCOP", "145")}
    triples = _triples(
        code_text("Indian troops clashed with Chinese soldiers in the Galwan valley.")
    )
    assert triples == {("INDMIL", "CHNMIL", "190")}


def test_an_attack_on_a_state_body_s_convoy_or_post_targets_that_body() -> None:
    from polybius.api import code_text

    date = dt.date(2020, 6, 1)
    triples = _triples(
        code_text("Rebels ambushed an army convoy near Gao in northern Mali.", date=date)
    )
    assert triples == {("MLIREB", "MLIMIL", "190")}
    triples = _triples(code_text("Militants attacked a police station in Peshawar.", date=date))
    assert triples == {("PAKREB", "PAKCOP", "190")}
    # With no country in view the post is no one's: nothing to code.
    assert code_text("Gunmen attacked a police checkpoint.", date=date) == []


def test_a_visit_to_a_city_abroad_visits_its_country_and_being_first_to_visit_is_a_visit() -> None:
    from polybius.api import code_text

    date = dt.date(2016, 5, 27)
    triples = _triples(code_text("Obama visited Hiroshima on Friday.", date=date))
    assert triples == {("USAGOV", "JPN", "042"), ("JPN", "USAGOV", "043")}
    events = code_text(
        "Barack Obama became the first sitting U.S. president to visit Hiroshima.", date=date
    )
    assert ("USAGOV", "JPN", "042") in _triples(events)
    # A city of one's own country is no visit abroad.
    assert code_text("Indian Prime Minister Narendra Modi visited Mumbai.", date=date) == []


def test_an_appeal_is_coded_by_what_it_asks_however_the_infinitive_is_parsed() -> None:
    from polybius.api import code_text

    text = (
        "Amnesty International called on Iranian authorities on Friday to free thousands of "
        "people detained during the protests."
    )
    assert ("NGOHRIAMN", "IRNGOV", "0253") in _triples(code_text(text, date=dt.date(2022, 10, 7)))
    # Each act asked for: "to stop hesitating and send tanks" asks for military aid.
    text = "Zelensky urged Germany to stop hesitating and send Leopard tanks."
    assert _triples(code_text(text, date=dt.date(2023, 1, 20))) == {("UKRGOV", "DEU", "0232")}


def test_a_broker_mediates_between_the_parties_of_a_clause_further_up() -> None:
    from polybius.api import code_text

    text = (
        "Israel and Hamas agreed on Wednesday to a four-day truce in Gaza under which 50 "
        "hostages held by the militants will be freed in exchange for 150 Palestinian "
        "prisoners, in a deal brokered by Qatar."
    )
    triples = _triples(code_text(text, date=dt.date(2023, 11, 22)))
    assert {("QAT", "ISR", "045"), ("QAT", "PSEREB", "045")} <= triples


def test_an_event_date_does_not_undo_what_the_text_calls_someone() -> None:
    from polybius.api import code_text

    text = "Armenian protest leader Nikol Pashinyan was detained by police on Sunday."
    triples = _triples(code_text(text, date=dt.date(2018, 4, 22)))
    assert triples == {("ARMCOP", "ARMOPP", "173")}


def test_talks_on_a_war_somewhere_are_not_held_there() -> None:
    from polybius.api import code_text

    text = (
        "Israeli Prime Minister Naftali Bennett flew to Moscow for talks with President "
        "Vladimir Putin on the war in Ukraine."
    )
    triples = _triples(code_text(text, date=dt.date(2022, 3, 5)))
    assert {("ISRGOV", "RUSGOV", "040"), ("RUSGOV", "ISRGOV", "040")} <= triples
    assert not any(code == "044" for _, _, code in triples)


def test_a_crowd_storming_a_foreign_embassy_riots_and_stays_local() -> None:
    from polybius.api import code_text

    # The embassy's country is not where the crowd comes from.
    triples = _triples(code_text("Protesters stormed the US embassy in Cairo on Friday."))
    assert triples == {("EGYOPP", "USAGOV", "145")}
    triples = _triples(code_text("Protesters stormed the US embassy on Friday."))
    assert triples == {("---OPP", "USAGOV", "145")}


def test_a_speaker_announcing_its_own_state_s_plan_states_intent() -> None:
    from polybius.api import code_text

    events = code_text(
        "German Chancellor Olaf Scholz said Berlin would supply tanks to Ukraine.",
        date=dt.date(2023, 1, 25),
    )
    assert _triples(events) == {("DEUGOV", "UKR", "0332")}
    assert events[0].modality.factual
    # Another state's act foretold stays a forecast, not an event.
    assert code_text("Scholz said Russia would attack Ukraine.", date=dt.date(2022, 2, 1)) == []


def test_calling_someone_names_a_judgement_on_them() -> None:
    from polybius.api import code_text

    triples = _triples(code_text("Biden called Putin a war criminal.", date=dt.date(2022, 3, 16)))
    assert triples == {("USAGOV", "RUSGOV", "111")}
    triples = _triples(
        code_text(
            "The United States imposed tariffs on Chinese steel. Beijing called the move "
            "unacceptable."
        )
    )
    assert ("CHNGOV", "USA", "111") in triples, "the move is the last act of another"
    assert code_text("The minister called it proof of progress.") == []


def test_an_adjective_judging_an_act_answers_whoever_did_it() -> None:
    from polybius.api import code_text

    cut = "Russia halted gas supplies to Poland on Wednesday. "
    day = dt.date(2022, 4, 27)
    said = _triples(code_text(cut + "The EU said the move was unacceptable.", date=day))
    assert ("IGOEUREEC", "RUS", "111") in said, "the move judged is the subject"
    unhappy = _triples(code_text(cut + "The EU said it was unhappy with the decision.", date=day))
    assert ("IGOEUREEC", "RUS", "110") in unhappy, "or the noun after with, by or at"
    alone = code_text("The EU said the move was unacceptable.", date=day)
    assert alone == [], "no act reported before: no one to judge"


def test_rejecting_a_report_answers_whoever_made_it() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "Amnesty International accused Saudi troops of torture. The Saudi foreign ministry "
            "rejected the report as baseless."
        )
    )
    assert ("SAUGOV", "NGOHRIAMN", "016") in triples


def test_their_summit_is_of_the_plural_subject_of_its_clause_not_of_a_list_before() -> None:
    from polybius.api import code_text

    events = code_text(
        "Britain, Canada and Japan will ban imports of Russian gold, the British government "
        "said as Group of Seven leaders gathered in Bavaria for their annual summit.",
        date=dt.date(2022, 6, 26),
    )
    assert not any(e.cameo.startswith("04") for e in events), "the G7 meets no one"
    events = code_text(
        "Britain and Japan gathered in Bavaria for their annual summit.",
        date=dt.date(2022, 6, 26),
    )
    assert ("GBR", "JPN", "040") in _triples(events), "coordinated subjects still meet"


def test_giving_envoys_hours_to_leave_expels_them_a_deadline_to_comply_is_an_ultimatum() -> None:
    from polybius.api import code_text

    events = code_text(
        "President Nicolas Maduro gave US diplomats 72 hours to leave the country.",
        date=dt.date(2019, 1, 24),
    )
    assert _triples(events) == {("VENGOV", "USAGOV", "161")}
    events = code_text(
        "Saudi Arabia gave Qatar ten days to comply with its demands.", date=dt.date(2017, 6, 23)
    )
    assert {e.cameo for e in events} == {"139"}


def test_a_capacity_is_no_act_a_past_ability_reports_one() -> None:
    from polybius.api import code_text

    def flags(text: str) -> list[tuple[str, bool, bool]]:
        events = code_text(text, date=dt.date(2017, 12, 13), include_modal=True)
        return [(e.cameo[:2], e.modality.hypothetical, e.modality.negated) for e in events]

    assert flags("Washington said Iran is able to attack Israel.") == [("19", True, False)]
    assert flags("Police were unable to disperse the protesters.") == [("17", False, True)]
    assert flags("Troops were able to capture the town from the rebels.") == [("19", False, False)]


def test_referring_a_state_to_a_council_or_court_complains_of_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "The IAEA's Board of Governors voted to refer Iran to the UN Security Council.",
        date=dt.date(2006, 2, 4),
    )
    assert _triples(events) == {("IGOUNOIAE", "IRN", "114")}
    events = code_text(
        "Ukraine referred Russia to the International Court of Justice.", date=dt.date(2022, 2, 27)
    )
    assert _triples(events) == {("UKR", "RUS", "115")}, "before a court, a lawsuit"


def test_a_resolution_or_statement_acts_for_whoever_adopted_or_issued_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "The Security Council adopted a resolution demanding that Israel withdraw its troops.",
        date=dt.date(2006, 8, 11),
    )
    assert ("IGOUNO", "ISR") in {(e.source.code, e.target.code if e.target else "") for e in events}
    events = code_text(
        "China issued a statement condemning the attack by Japan.", date=dt.date(2005, 8, 11)
    )
    assert _triples(events) == {("CHN", "JPN", "111")}


def test_a_body_admitting_a_state_admits_no_fault() -> None:
    from polybius.api import code_text

    events = code_text("ASEAN formally admitted Myanmar and Laos.", date=dt.date(1997, 7, 23))
    assert not any(e.cameo == "015" for e in events)


def test_access_given_to_inspectors_receives_them() -> None:
    from polybius.api import code_text

    events = code_text(
        "Iraqi officials gave the International Atomic Energy Agency teams full access.",
        date=dt.date(2002, 11, 27),
    )
    assert _triples(events) == {("IRQGOV", "IGOUNOIAE", "0862")}
    events = code_text(
        "Israel gave the Red Cross access to the prisoners.", date=dt.date(2002, 11, 27)
    )
    assert {e.cameo for e in events} == {"086"}, "no inspectors"


def test_calling_off_a_visit_rejects_the_meeting() -> None:
    from polybius.api import code_text

    events = code_text(
        "Brazilian President Dilma Rousseff called off a state visit to Washington on Tuesday.",
        date=dt.date(2013, 9, 17),
    )
    assert _triples(events) == {("BRAGOV", "USAGOV", "125")}


def test_military_ties_cut_are_military_aid_stopped_and_not_a_meeting() -> None:
    from polybius.api import code_text

    events = code_text(
        "Australia suspended defence cooperation with Fiji.", date=dt.date(2006, 12, 6)
    )
    assert _triples(events) == {("AUS", "FJI", "1622")}
    events = code_text("Moscow cut all military contacts with Ankara.", date=dt.date(2015, 11, 25))
    assert {e.cameo for e in events} == {"1622"}, "the contacts cut are no consultation"
    events = code_text("China suspended cultural exchanges with Taiwan.", date=dt.date(2020, 1, 1))
    assert {e.cameo for e in events} == {"160"}, "no military ties"


def test_leaving_an_agreement_with_a_state_reduces_relations_with_it() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "President Donald Trump withdrew from the nuclear deal with Iran.",
            date=dt.date(2018, 5, 9),
        )
    )
    assert triples == {("USAGOV", "IRN", "160")}
    # Threatened, it is a threat to reduce relations.
    triples = _triples(
        code_text(
            "Philippine President Rodrigo Duterte threatened to end a military agreement with "
            "the United States.",
            date=dt.date(2020, 1, 24),
        )
    )
    assert triples == {("PHLGOV", "USA", "131")}
    assert code_text("The rebels ended the ceasefire.") == []


def test_a_deadline_given_to_another_is_an_ultimatum() -> None:
    from polybius.api import code_text

    triples = _triples(code_text("Saudi Arabia gave Qatar 10 days to comply with the demands."))
    assert ("SAU", "QAT", "139") in triples
    # "give in" is still a particle verb; "in Niger" is a place, not a particle.
    triples = _triples(code_text("Israel gave in to the demands of Hamas."))
    assert {c for *_, c in triples} == {"080"}


def test_a_pledge_that_one_s_state_would_act_is_the_speaker_s_intent() -> None:
    from polybius.api import code_text

    events = code_text(
        "Chancellor Olaf Scholz pledged on Sunday that Germany would send more air defence "
        "systems to Ukraine.",
        date=dt.date(2023, 2, 1),
    )
    assert _triples(events) == {("DEUGOV", "UKR", "0332")}, "the one who pledges"
    assert code_text("Putin promised that Assad would hold elections.") == []


def test_an_announced_act_with_no_intent_code_is_not_yet_a_fact() -> None:
    from polybius.api import code_text

    text = "Cambodia said it would ask the UN Security Council to hold an emergency meeting."
    assert code_text(text) == []
    events = code_text(text, include_modal=True)
    assert {e.cameo for e in events} == {"020"} and all(e.modality.hypothetical for e in events)
    # Where CAMEO has an intent code, the announcement is that intent, a fact.
    assert _triples(code_text("Portugal will support Brazil's bid.")) == {("PRT", "BRA", "032")}


def test_engaging_someone_in_a_fight_fights_them() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text("Indian troops engaged Pakistani soldiers in a gun battle along the border.")
    )
    assert triples == {("INDMIL", "PAKMIL", "193")}


def test_judging_another_s_act_unacceptable_or_baseless() -> None:
    from polybius.api import code_text

    triples = _triples(code_text("China said the U.S. move was unacceptable."))
    assert triples == {("CHN", "USA", "111")}
    triples = _triples(code_text("Russia said the sanctions imposed by the EU were illegal."))
    assert triples == {("RUS", "IGOEUREEC", "111")}
    triples = _triples(code_text("Iran said the accusations by Washington were baseless."))
    assert triples == {("IRN", "USAGOV", "016")}, "the act judged, not its doer, is the subject"
    assert code_text("The opposition said the election was illegitimate.") == []


def test_attacking_someone_over_something_is_criticism() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text(
            "Brazil's president attacked the French president over the Amazon fires.",
            date=dt.date(2019, 8, 26),
        )
    )
    assert triples == {("BRAGOV", "FRAGOV", "111")}
    assert {e.cameo for e in code_text("Israel attacked Gaza over the weekend.")} == {"190"}


def test_its_in_the_reason_for_an_act_on_someone_is_theirs() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text("China sharply criticised the United States over its arms sales to Taiwan.")
    )
    assert ("USA", "TWN", "062") in triples and ("CHN", "TWN", "062") not in triples


def test_a_protest_aimed_at_no_one_named_is_aimed_at_the_own_government() -> None:
    from polybius.api import code_text

    triples = _triples(code_text("Opposition supporters rallied in Nairobi."))
    assert triples == {("KENOPP", "KENGOV", "141")}
    events = code_text("Opposition supporters rallied in Nairobi.")
    assert events[0].target is not None and events[0].target.rule == "implied:government"
    # A target named is kept.
    triples = _triples(code_text("Protesters marched on the U.S. embassy in Cairo."))
    assert triples == {("EGYOPP", "USAGOV", "141")}


def test_boosting_trade_and_buying_arms_are_material_cooperation() -> None:
    from polybius.api import code_text

    triples = _triples(code_text("China and Pakistan vowed to expand trade."))
    assert triples == {("CHN", "PAK", "0311"), ("PAK", "CHN", "0311")}
    triples = _triples(code_text("Turkey bought S-400 air defence systems from Russia."))
    assert triples == {("TUR", "RUS", "062")}


def test_talks_held_in_rounds_or_while_somewhere_are_the_subject_s() -> None:
    from polybius.api import code_text

    triples = _triples(
        code_text("Chinese and Indian military commanders held a fresh round of talks.")
    )
    assert triples == {("CHNMIL", "INDMIL", "040"), ("INDMIL", "CHNMIL", "040")}
    triples = _triples(
        code_text("Lavrov was in Ankara for talks with Cavusoglu.", date=dt.date(2022, 6, 8))
    )
    assert ("RUSGOV", "TURGOV", "040") in triples


def test_a_threat_to_do_something_to_someone_threatens_them() -> None:
    from polybius.api import code_text

    triples = _triples(code_text("North Korea threatened to turn Seoul into a sea of fire."))
    assert triples == {("PRK", "KORGOV", "130")}
    # A protest by people of no known country has no implied government.
    assert code_text("Students boycotted classes to protest the new law.") == []


def test_a_reciprocal_act_of_a_pair_is_not_aimed_at_their_own_possessive() -> None:
    from polybius.api import code_text

    triples = _triples(code_text("Israel and Hezbollah traded their heaviest fire in a year."))
    assert triples == {("ISR", "LBNREB", "193"), ("LBNREB", "ISR", "193")}


def test_urging_a_side_to_step_back_is_an_appeal_to_de_escalate() -> None:
    from polybius.api import code_text

    events = code_text(
        "The European Union urged Serbia to step back from the brink.", date=dt.date(2023, 5, 30)
    )
    assert _triples(events) == {("IGOEUREEC", "SRB", "0256")}


def test_asking_to_undo_or_forgo_a_course_asks_for_a_change_of_policy() -> None:
    from polybius.api import code_text

    def codes(text: str) -> set[str]:
        return {e.cameo for e in code_text(text, date=dt.date(2022, 12, 24))}

    assert codes("The UN called on the Taliban to reverse the ban.") == {"0242"}
    assert codes("Australia urged Honiara not to sign the pact.") == {"0242"}
    assert codes("China demanded that Lithuania withdraw its decision.") == {"1042"}
    assert codes("Malaysia urged Thailand to cease fire immediately.") == {"0256"}
    assert codes("Britain urged Iran to join the talks.") != {"0242"}, "no course undone"


def test_seizing_a_named_town_or_capital_occupies_territory() -> None:
    from polybius.api import code_text

    events = code_text("Libyan rebels captured Tripoli on Monday.", date=dt.date(2011, 8, 22))
    assert _triples(events) == {("LBYREB", "LBYGOV", "192")}
    events = code_text("Syrian rebels seized control of Damascus.", date=dt.date(2024, 12, 8))
    assert _triples(events) == {("SYRREB", "SYRGOV", "192")}
    # A person taken is an arrest, not a place.
    events = code_text(
        "Mexican marines captured drug lord Joaquin Guzman.", date=dt.date(2016, 1, 8)
    )
    assert {code for *_, code in _triples(events)} == {"173"}


def test_a_telephone_call_in_which_one_speaks_to_another_is_a_call_both_ways() -> None:
    from polybius.api import code_text

    events = code_text(
        "Chinese President Xi Jinping warned U.S. President Joe Biden in a telephone call "
        "that Taiwan was a red line.",
        date=dt.date(2021, 11, 16),
    )
    triples = _triples(events)
    assert {("CHNGOV", "USAGOV", "041"), ("USAGOV", "CHNGOV", "041")} <= triples
    assert ("CHNGOV", "USAGOV", "130") in triples


def test_an_appeal_to_keep_doing_something_is_coded_by_the_act() -> None:
    from polybius.api import code_text

    events = code_text(
        "The African Union urged Egypt and Ethiopia to keep negotiating over the dam.",
        date=dt.date(2020, 7, 21),
    )
    factual = {t for t in _triples(events) if t[0] == "IGOAFRAFU"}
    assert factual == {("IGOAFRAFU", "EGY", "026"), ("IGOAFRAFU", "ETH", "026")}


def test_troops_arriving_abroad_are_not_visitors() -> None:
    from polybius.api import code_text

    arrived = "About 400 Kenyan police officers arrived in Haiti on Tuesday."
    assert code_text(arrived, date=dt.date(2024, 6, 25)) == []
    visit = "A Kenyan police delegation arrived in Haiti on Tuesday."
    triples = _triples(code_text(visit, date=dt.date(2024, 6, 25)))
    assert {(s[:6], t, c) for s, t, c in triples if s} >= {("KENCOP", "HTI", "042")}


def test_denying_ones_own_involvement_answers_the_accuser() -> None:
    from polybius.api import code_text

    events = code_text(
        "Iran accused the United States of being behind the assassination. Hillary Clinton "
        "denied any US involvement.",
        date=dt.date(2012, 1, 11),
    )
    assert ("USAGOV", "IRN", "016") in _triples(events)


def test_a_denial_naming_no_one_answers_the_last_accusation() -> None:
    from polybius.api import code_text

    events = code_text(
        "South Korea accused North Korea on Thursday of torpedoing one of its warships. "
        "Pyongyang denied sinking the ship.",
        date=dt.date(2010, 5, 20),
    )
    assert ("PRKGOV", "KOR", "016") in _triples(events)
    # With no accusation before it, a bare denial has no target and is not coded.
    assert code_text("Pyongyang denied sinking the ship.", date=dt.date(2010, 5, 20)) == []


def test_a_charge_someone_denied_was_still_made() -> None:
    from polybius.api import code_text

    events = code_text(
        "Congo's government accused neighbouring Rwanda of backing the rebels, "
        "a charge Kigali denied.",
        date=dt.date(2022, 6, 14),
    )
    assert _triples(events) == {("CODGOV", "RWA", "112"), ("RWAGOV", "CODGOV", "016")}
    # The parser may make the charge the object of the denial, and the denial the root.
    events = code_text(
        "Washington has accused Phnom Penh of secretly granting China's military exclusive "
        "access to part of the base, a charge Cambodia denies.",
        date=dt.date(2022, 6, 6),
    )
    assert ("USAGOV", "KHMGOV", "112") in _triples(events)


def test_a_body_suspending_a_member_cuts_ties_with_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "Mercosur suspended Paraguay from the South American trade bloc on Friday.",
        date=dt.date(2012, 6, 29),
    )
    assert _triples(events) == {("IGOSAMMRC", "PRY", "161")}
    events = code_text(
        "The African Union suspended Sudan's membership on Thursday.", date=dt.date(2019, 6, 6)
    )
    assert _triples(events) == {("IGOAFRAFU", "SDN", "161")}


def test_military_aid_announced_or_provided_is_military_aid() -> None:
    from polybius.api import code_text

    events = code_text(
        "Biden announced $800 million in new military aid for Ukraine.", date=dt.date(2022, 4, 21)
    )
    assert _triples(events) == {("USAGOV", "UKR", "072")}
    events = code_text("Japan provided humanitarian aid to Turkey.", date=dt.date(2023, 2, 8))
    assert _triples(events) == {("JPN", "TUR", "073")}


JUDGING = """
version: test.1
entries:
  - {id: call-on.v, lemmas: [call], preps: ["on"], code: "020", target: [prep:on]}
  - {id: judge.v, lemmas: [call, brand], code: "111", complement: true, target: [dobj],
     objects: [unacceptable, provocation, aggression, terrorist]}
  - {id: kill.v, lemmas: [kill], code: "190", target: [dobj]}
"""


def _judged(text: str, date: dt.date) -> set[tuple[str | None, str | None, str]]:
    return _triples(_code(text, date, JUDGING))


def test_a_judgement_needs_what_the_object_is_called() -> None:
    day = dt.date(2018, 6, 1)
    assert _judged("Trudeau called the American tariffs unacceptable.", day) == {
        ("CANGOV", "USA", "111")
    }
    # The small model makes both the thing judged and the judgement complements.
    text = "Prime Minister Justin Trudeau called the U.S. move totally unacceptable."
    assert _judged(text, day) == {("CANGOV", "USA", "111")}
    # What is asked for is no judgement of the one asked.
    assert _judged(
        "Guterres called on Russia to stop its aggression against Ukraine.", dt.date(2022, 3, 1)
    ) == {("IGOUNO", "RUS", "0256")}


def test_in_what_someone_called_judges_the_doer_of_the_clause() -> None:
    text = (
        "Russian missiles struck a shopping centre in Kremenchuk, killing 18 people "
        "in what Ukrainian President Volodymyr Zelensky called a terrorist act."
    )
    assert ("UKRGOV", "RUS", "111") in _judged(text, dt.date(2022, 6, 27))


def test_each_side_accused_the_other() -> None:
    from polybius.api import code_text

    events = code_text(
        "Armenia and Azerbaijan agreed to a ceasefire on Saturday. "
        "Within minutes, each side accused the other of violating it.",
        date=dt.date(2020, 10, 10),
    )
    assert {("ARM", "AZE", "112"), ("AZE", "ARM", "112")} <= _triples(events)


def test_a_visiting_guest_met_by_the_host_visits_the_host() -> None:
    from polybius.api import code_text

    events = code_text(
        "Chinese President Xi Jinping held talks with visiting Brazilian President "
        "Luiz Inacio Lula da Silva in Beijing on Friday.",
        date=dt.date(2023, 4, 14),
    )
    assert {("BRAGOV", "CHNGOV", "042"), ("CHNGOV", "BRAGOV", "043")} <= _triples(events)
    # The participle the small model hangs on the name, not on a verb, still names the visitor.
    events = code_text(
        "Indian Prime Minister Narendra Modi, paying a state visit to Washington, "
        "held talks with President Joe Biden on Thursday.",
        date=dt.date(2023, 6, 22),
    )
    assert ("INDGOV", "USAGOV", "042") in _triples(events)


def test_talks_hung_on_the_object_are_still_the_subjects() -> None:
    from polybius.api import code_text

    events = code_text(
        "Ukrainian President Volodymyr Zelensky hailed the decision in phone talks with "
        "German Chancellor Olaf Scholz.",
        date=dt.date(2023, 1, 25),
    )
    assert {("UKRGOV", "DEUGOV", "041"), ("DEUGOV", "UKRGOV", "041")} <= _triples(events)


def test_a_country_brokered_deal_is_mediated_by_that_country() -> None:
    from polybius.api import code_text

    events = code_text(
        "Armenia and Azerbaijan agreed to a US-brokered ceasefire on Sunday.",
        date=dt.date(2020, 10, 25),
    )
    assert {("USA", "ARM", "045"), ("USA", "AZE", "045")} <= _triples(events)


def test_a_yield_is_coded_by_what_was_given_up_to_whom() -> None:
    from polybius.api import code_text

    events = code_text(
        "The commander of Bolivia's armed forces urged President Evo Morales on Sunday to "
        "resign. Hours later Morales bowed to the pressure and stepped down.",
        date=dt.date(2019, 11, 10),
    )
    # He resigns the office he held until that day: GOV, not yet ELI.
    assert ("BOLGOV", "BOLMIL", "0831") in _triples(events)


def test_the_doer_named_on_the_object_is_the_one_judged() -> None:
    from polybius.api import code_text

    events = code_text(
        "Russia's foreign ministry slammed the sanctions imposed by the European Union.",
        date=dt.date(2022, 3, 1),
    )
    assert _triples(events) == {("RUSGOV", "IGOEUREEC", "111")}
    # An agreement "brokered by" a body is signed with the other party, not with the body.
    events = code_text(
        "Kenya's government and the opposition signed an agreement brokered by the "
        "African Union on Friday.",
        date=dt.date(2008, 2, 28),
    )
    assert not {t for t in _triples(events) if t[1] == "IGOAFRAFU" and t[2] == "057"}


def test_hauled_in_the_envoy_summons_him() -> None:
    from polybius.api import code_text

    events = code_text(
        "Tehran has hauled in the British and Norwegian ambassadors.", date=dt.date(2022, 10, 3)
    )
    assert _triples(events) == {("IRNGOV", "GBRGOV", "114"), ("IRNGOV", "NORGOV", "114")}


def test_a_state_quitting_a_body_cuts_its_ties() -> None:
    from polybius.api import code_text

    events = code_text("Mali said on Sunday it was quitting ECOWAS.", date=dt.date(2024, 1, 28))
    assert {t[2] for t in _triples(events) if t[1] == "IGOWAFBUSWAS"} == {"161"}


def test_a_judged_act_is_the_act_of_its_kind_else_its_doer() -> None:
    from polybius.api import code_text

    # No coded act is the drills: whoever did them, named just before, is judged.
    events = code_text(
        "China fired missiles into waters around Taiwan as it rolled out military drills "
        "around the island. Taiwan's defence ministry condemned the drills as irrational.",
        date=dt.date(2022, 8, 4),
    )
    assert ("TWNMIL", "CHN", "111") in _triples(events)
    # The drills reported, not the meeting reported after them.
    events = code_text(
        "China's army launched large military drills around Taiwan on Monday, two days after "
        "President Tsai Ing-wen met U.S. House Speaker Kevin McCarthy in California. "
        "Tsai condemned the exercises as reckless.",
        date=dt.date(2023, 4, 10),
    )
    judged = {t[1] for t in _triples(events) if t[0] == "TWNGOV" and t[2] == "111"}
    assert judged == {"CHNMIL"}


def test_attending_a_gathering_abroad_visits_the_country_it_is_held_in() -> None:
    from polybius.api import code_text

    date = dt.date(2015, 6, 14)
    text = "Sudanese President Omar al-Bashir attended an AU summit in Johannesburg on Sunday."
    assert _triples(code_text(text, date=date)) == {
        ("SDNGOV", "ZAF", "042"),
        ("ZAF", "SDNGOV", "043"),
    }
    # The body holding the summit hosts no one, and at home there is no visit.
    assert code_text("Bashir attended an AU summit.", date=date) == []
    assert code_text("Bashir attended a summit in Khartoum.", date=date) == []


def test_a_verb_joined_to_the_reported_clause_is_the_speakers() -> None:
    from polybius.api import code_text

    # The parser joins "accused" to "had come", whose subject is the attack.
    text = (
        "US Secretary of State Mike Pompeo said there was no evidence the attack had come "
        "from Yemen and accused Iran of launching it."
    )
    events = code_text(text, date=dt.date(2019, 9, 16))
    assert ("USAGOV", "IRN") in {
        (e.source.code, e.target.code if e.target else None) for e in events
    }
    # A pronoun subject is left alone: "they" freed the inmates, not the speaker.
    text = "Karimov said they had seized the prison and freed hundreds of inmates."
    events = code_text(text, date=dt.date(2005, 5, 14))
    assert all(e.source.code != "UZBGOV" for e in events if e.cameo.startswith("084"))


def test_fighting_that_broke_out_between_two_sides_is_theirs() -> None:
    from polybius.api import code_text

    text = "Fighting erupted in Khartoum on Saturday between the Sudanese army and the RSF."
    events = code_text(text, date=dt.date(2023, 4, 16))
    assert {("SDNMIL", "SDNREB", "190"), ("SDNREB", "SDNMIL", "190")} <= _triples(events)


def test_an_appeal_to_end_the_fighting_is_made_to_both_sides() -> None:
    from polybius.api import code_text

    text = (
        "Fighting erupted in Khartoum on Saturday between the Sudanese army and the RSF. "
        "The United States called for an immediate end to the fighting."
    )
    events = code_text(text, date=dt.date(2023, 4, 16))
    appeals = {
        (e.source.code, e.target.code if e.target else None) for e in events if e.cameo == "0256"
    }
    assert appeals == {("USA", "SDNMIL"), ("USA", "SDNREB")}
    # A party to the fighting appeals to the other side only through its own words.
    text = "Russian forces shelled Kharkiv. Ukraine urged a ceasefire."
    events = code_text(text, date=dt.date(2022, 3, 2))
    assert all(e.target is None or e.target.code != "UKR" for e in events if e.cameo == "0256")


@pytest.mark.parametrize("judgement", ["an authoritarian act", "an act of revenge", "a coup"])
def test_calling_an_act_an_abuse_of_power_criticises_its_doer(judgement: str) -> None:
    from polybius.api import code_text

    text = (
        "Ecuadorian police arrested former vice president Jorge Glas in Quito on Friday. "
        f"Mexican President Andres Manuel Lopez Obrador called the arrest {judgement}."
    )
    events = code_text(text, date=dt.date(2024, 4, 6))
    assert ("MEXGOV", "ECUCOP", "111") in _triples(events)


def test_force_used_despite_a_truce_violates_it() -> None:
    from polybius.api import code_text

    date = dt.date(2023, 4, 16)
    text = "Russian forces shelled Ukrainian positions in violation of the truce."
    assert ("RUSMIL", "UKR", "196") in _triples(code_text(text, date=date))
    text = "Fighting erupted between the Sudanese army and the RSF despite the ceasefire."
    assert ("SDNMIL", "SDNREB", "196") in _triples(code_text(text, date=date))
    # No truce named: the act keeps its own code.
    assert ("RUSMIL", "UKR", "194") in _triples(
        code_text("Russian forces shelled Kharkiv.", date=date)
    )


def test_what_a_cause_prompted_an_actor_to_do_is_done_by_that_actor() -> None:
    from polybius.api import code_text

    date = dt.date(2019, 1, 24)
    text = (
        "Trump recognised Juan Guaido as interim president, prompting President Nicolas Maduro "
        "to break off diplomatic relations with the United States."
    )
    assert ("VENGOV", "USA", "161") in _triples(code_text(text, date=date))
    text = "The rocket fire led Israel to attack Lebanon."
    assert ("ISR", "LBN", "190") in _triples(code_text(text, date=date))


def test_strikes_on_things_in_a_country_target_the_country() -> None:
    from polybius.api import code_text

    text = "Israel launched air strikes on bridges and roads in southern Lebanon."
    assert ("ISR", "LBN", "195") in _triples(code_text(text, date=dt.date(2006, 7, 13)))


def test_missile_strikes_are_strikes_not_a_weapons_test() -> None:
    from polybius.api import code_text

    text = "Britain and France launched missile strikes on Syria on Saturday."
    codes = {e.cameo for e in code_text(text, date=dt.date(2018, 4, 14))}
    assert "195" in codes and "150" not in codes


def test_an_armed_group_that_captures_people_abducts_them() -> None:
    from polybius.api import code_text

    date = dt.date(2006, 7, 12)
    text = "Hezbollah fighters captured two Israeli soldiers in a cross-border raid."
    assert ("LBNREB", "ISRMIL", "181") in _triples(code_text(text, date=date))
    # The police detain: an arrest, not an abduction.
    text = "Israeli police captured two Hamas militants in Hebron."
    assert ("ISRCOP", "PSEREB", "173") in _triples(code_text(text, date=date))


@pytest.mark.parametrize("relative", ["a move", "a move that", "a step which"])
def test_a_move_judged_in_a_relative_clause_targets_who_made_it(relative: str) -> None:
    from polybius.api import code_text

    # The apposed noun hangs from a noun of the clause ("troops"), not from its verb.
    text = f"Israel sent troops into the buffer zone, {relative} Egypt condemned."
    assert ("EGY", "ISR", "111") in _triples(code_text(text, date=dt.date(2024, 12, 8)))


def test_a_visit_under_way_in_a_relative_clause_is_coded() -> None:
    from polybius.api import code_text

    text = "Ramaphosa, who is paying a state visit to China, praised Beijing's role."
    assert ("ZAFGOV", "CHN", "042") in _triples(code_text(text, date=dt.date(2018, 9, 2)))
    # A visit that had been under way is background, not this report's event.
    text = "Ramaphosa, who was visiting China at the time, praised Beijing's role."
    assert ("ZAFGOV", "CHN", "042") not in _triples(code_text(text, date=dt.date(2018, 9, 2)))


@pytest.mark.parametrize(
    "invitation", ["at the invitation of Supreme Leader Kim Jong Un", "at Kim Jong Un's invitation"]
)
def test_who_invited_the_visitor_hosts_the_visit(invitation: str) -> None:
    from polybius.api import code_text

    text = f"Xi Jinping began a state visit to North Korea on Thursday {invitation}."
    triples = _triples(code_text(text, date=dt.date(2019, 6, 20)))
    assert {("CHNGOV", "PRKGOV", "042"), ("PRKGOV", "CHNGOV", "043")} <= triples
    assert ("CHNGOV", "PRK", "042") not in triples


def test_a_named_dialogue_is_talks() -> None:
    from polybius.api import code_text

    text = (
        "Wang Yi held the second round of the China-Pakistan Strategic Dialogue with "
        "Pakistani Foreign Minister Shah Mahmood Qureshi in Sanya on Friday."
    )
    triples = _triples(code_text(text, date=dt.date(2020, 8, 21)))
    assert {("CHNGOV", "PAKGOV", "040"), ("PAKGOV", "CHNGOV", "040")} <= triples


def test_a_visit_is_received_by_the_hosts_leader_named_with_it() -> None:
    from polybius.api import code_text

    date = dt.date(2023, 4, 14)
    text = "Xi held talks with Lula, who is on a state visit to China, in Beijing on Friday."
    triples = _triples(code_text(text, date=date))
    assert {("BRAGOV", "CHNGOV", "042"), ("CHNGOV", "BRAGOV", "043")} <= triples
    # No leader of the host named: the country receives the visit.
    text = "Brazilian President Lula da Silva is on a state visit to China."
    triples = _triples(code_text(text, date=date))
    assert {("BRAGOV", "CHN", "042"), ("CHN", "BRAGOV", "043")} <= triples


def test_a_visit_is_received_by_the_leader_named_just_before() -> None:
    from polybius.api import code_text

    text = (
        "Xi Jinping held talks with Cyril Ramaphosa in Beijing on Sunday. "
        "Ramaphosa, who is paying a state visit to China, praised the partnership."
    )
    triples = _triples(code_text(text, date=dt.date(2018, 9, 2)))
    assert ("ZAFGOV", "CHNGOV", "042") in triples


@pytest.mark.parametrize(
    "text",
    [
        "Mali announced its immediate withdrawal from ECOWAS.",
        "Mali withdrew from ECOWAS on Sunday.",
    ],
)
def test_leaving_an_international_body_breaks_ties_with_it(text: str) -> None:
    from polybius.api import code_text

    assert ("MLI", "IGOWAFBUSWAS", "161") in _triples(code_text(text, date=dt.date(2024, 1, 28)))


def test_the_guests_of_a_hosted_summit_visit_the_host() -> None:
    from polybius.api import code_text

    text = "Sisi hosted a summit with King Abdullah II of Jordan in Cairo."
    triples = _triples(code_text(text, date=dt.date(2023, 1, 17)))
    assert {("EGYGOV", "JORGOV", "043"), ("JORGOV", "EGYGOV", "042")} <= triples


def test_talks_a_visitor_came_for_are_the_visitors() -> None:
    from polybius.api import code_text

    text = "Kristersson visited Budapest for talks with Viktor Orban."
    triples = _triples(code_text(text, date=dt.date(2024, 2, 23)))
    assert {("SWEGOV", "HUNGOV", "040"), ("HUNGOV", "SWEGOV", "040")} <= triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a diplomatic act answered: a threat, at whoever expelled
        (
            "Britain expelled 23 Russian diplomats on Wednesday. Moscow vowed to retaliate.",
            ("RUSGOV", "GBR", "130"),
        ),
        # force answered: a threat of force, at the country that struck
        (
            "Indian warplanes struck a camp inside Pakistan, and Islamabad vowed to respond.",
            ("PAKGOV", "IND", "138"),
        ),
    ],
)
def test_a_vow_to_hit_back_is_aimed_at_the_provoker(
    text: str, expected: tuple[str, str, str]
) -> None:
    from polybius.api import code_text

    assert expected in _triples(code_text(text, date=dt.date(2019, 2, 26)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the condition names the one warned
        (
            "Seoul warned on Tuesday that it would retaliate if Pyongyang attacked again.",
            ("KORGOV", "PRKGOV", "130"),
        ),
        # else the last hostile act aimed at the warner; force answered is a threat of force
        (
            "North Korea fired missiles at South Korea. Seoul warned that it would respond.",
            ("KORGOV", "PRK", "138"),
        ),
        # what the response is made with says the kind of threat
        (
            "North Korea fired missiles at South Korea. Seoul warned that it would respond "
            "with sanctions.",
            ("KORGOV", "PRK", "1312"),
        ),
    ],
)
def test_a_warning_of_ones_own_response_threatens_the_provoker(
    text: str, expected: tuple[str, str, str]
) -> None:
    from polybius.api import code_text

    triples = _triples(code_text(text, date=dt.date(2010, 11, 23)))
    assert expected in triples
    assert not {t for t in triples if t[0] == t[1]}, "the warner is not the one warned"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poland said Russia was behind an arson attack in Warsaw.", ("POL", "RUS", "112")),
        (
            "The FBI said North Korean hackers were responsible for the cyberattack on Bybit.",
            ("USACOP", "PRK", "112"),
        ),
    ],
)
def test_a_deed_laid_at_someones_door_in_a_reported_clause_accuses_them(
    text: str, expected: tuple[str, str, str]
) -> None:
    from polybius.api import code_text

    assert expected in _triples(code_text(text, date=dt.date(2024, 5, 20)))


def test_no_charge_without_a_hostile_deed_or_a_speaker_who_lays_it() -> None:
    from polybius.api import code_text

    day = dt.date(2024, 5, 20)
    assert (
        code_text("Poland said Russia was responsible for security in the region.", date=day) == []
    )
    denied = _triples(code_text("Serbia denied that it was behind the attack.", date=day))
    assert not {t for t in denied if t[2].startswith("112")}


def test_travellers_barred_from_a_country_restrict_movement_not_a_ban() -> None:
    from polybius.api import code_text

    day = dt.date(2014, 8, 22)
    barred = _triples(code_text("Senegal barred travellers from Guinea and Liberia.", date=day))
    assert {("SEN", "GIN", "191"), ("SEN", "LBR", "191")} <= barred
    assert not {t for t in barred if t[2] == "172"}
    party = _triples(code_text("Senegal banned the opposition party on Friday.", date=day))
    assert not {t for t in party if t[2] == "191"}, "a party banned is no travel restriction"


def test_a_country_acts_on_its_own_state_only_through_those_at_odds_with_it() -> None:
    from polybius.api import code_text

    coup = (
        "Myanmar's military seized power in a coup on Monday, detaining State Counsellor "
        "Aung San Suu Kyi, President Win Myint and other senior figures in pre-dawn raids."
    )
    triples = _triples(code_text(coup, date=dt.date(2021, 2, 1)))
    assert not {t for t in triples if t[0] == "MMR" and t[1].startswith("MMR")}
    # rebels taking a country's town act on it, and a state acts on its own extremists
    rebels = "Rebels captured the town of Goma from Congo on Monday."
    assert ("CODREB", "COD", "192") in _triples(code_text(rebels, date=dt.date(2025, 1, 27)))
    extremists = (
        "Croatia is investigating alleged war crimes by Croatian extremists against Serb "
        "civilians and will bring suspects to trial, a Croatian official said."
    )
    assert {t for t in _triples(code_text(extremists)) if t[:2] == ("HRV", "HRVRAD")}


def test_calling_an_act_something_is_no_phone_call() -> None:
    from polybius.api import code_text

    day = dt.date(2021, 7, 26)
    named = (
        "Russian drones entered Polish airspace during a Russian attack on western Ukraine, "
        "Prime Minister Donald Tusk said, calling it the closest Poland had come to conflict."
    )
    assert not {t for t in _triples(code_text(named, date=day)) if t[2] == "041"}
    rang = _triples(code_text("Putin called Erdogan on Tuesday.", date=day))
    assert ("RUSGOV", "TURGOV", "041") in rang


def test_a_policy_dropped_after_strikes_named_in_its_sentence_yields_to_the_opposition() -> None:
    from polybius.api import code_text

    day = dt.date(2018, 6, 4)
    text = "Jordan's government withdrew a draft income tax law on Monday after a week of strikes."
    assert ("JORGOV", "JOROPP", "0832") in _triples(code_text(text, date=day))
    # Dropped with no pressure named: no one yielded to.
    text = "Jordan's government withdrew a draft income tax law on Monday after a cabinet meeting."
    assert not {t for t in _triples(code_text(text, date=day)) if t[2] == "0832"}


def test_greetings_exchanged_are_praise_both_ways_and_a_message_congratulating_is_praise() -> None:
    from polybius.api import code_text

    day = dt.date(2019, 10, 1)
    text = (
        "Russian President Vladimir Putin and Chinese President Xi Jinping exchanged "
        "congratulatory messages on the 70th anniversary of diplomatic ties."
    )
    assert _triples(code_text(text, date=day)) == {
        ("RUSGOV", "CHNGOV", "051"),
        ("CHNGOV", "RUSGOV", "051"),
    }
    text = "Narendra Modi sent a message congratulating Xi Jinping on the anniversary."
    assert _triples(code_text(text, date=day)) == {("INDGOV", "CHNGOV", "051")}
    text = "Narendra Modi sent Xi Jinping a message of greetings on the anniversary."
    assert _triples(code_text(text, date=day)) == {("INDGOV", "CHNGOV", "051")}
    # Exchanged fire is no greeting; people described by what they support do not praise.
    text = "Indian and Pakistani troops exchanged fire across the Line of Control."
    assert not {t for t in _triples(code_text(text, date=day)) if t[2] == "051"}
    text = "Protesters supporting Imran Khan blocked roads in Lahore."
    assert not {t for t in _triples(code_text(text, date=day)) if t[2] == "051"}


def test_a_courtesy_call_on_someone_is_a_meeting_and_a_video_link_a_call() -> None:
    from polybius.api import code_text

    day = dt.date(2021, 5, 21)
    text = "The outgoing German ambassador paid a farewell call on Indian Prime Minister Modi."
    assert _triples(code_text(text, date=day)) == {
        ("DEUGOV", "INDGOV", "040"),
        ("INDGOV", "DEUGOV", "040"),
    }
    text = "Xi Jinping and Cyril Ramaphosa spoke by video link on Friday."
    assert _triples(code_text(text, date=day)) == {
        ("CHNGOV", "ZAFGOV", "041"),
        ("ZAFGOV", "CHNGOV", "041"),
    }


def test_an_emergency_or_curfew_laid_on_no_one_named_is_laid_on_the_country() -> None:
    from polybius.api import code_text

    day = dt.date(2022, 4, 2)
    text = "Sri Lankan President Gotabaya Rajapaksa declared a state of emergency on Friday."
    assert _triples(code_text(text, date=day)) == {("LKAGOV", "LKA", "1724")}
    # On the capital's people, not on the government it stands for.
    text = "Sri Lankan police imposed a curfew in Colombo on Friday."
    assert _triples(code_text(text, date=day)) == {("LKACOP", "LKA", "1723")}
    # Ending a siege of a hotel lifts no state of siege.
    text = "Sri Lankan police ended the siege of the hotel on Friday."
    assert not {t for t in _triples(code_text(text, date=day)) if t[2] == "0814"}


def test_placing_someone_under_house_arrest_is_an_arrest_of_them() -> None:
    from polybius.api import code_text

    text = "Sudanese soldiers placed Prime Minister Abdalla Hamdok under house arrest on Monday."
    assert ("SDNMIL", "SDNGOV", "173") in _triples(code_text(text, date=dt.date(2021, 10, 25)))


def test_police_fire_on_protesters_of_no_stated_country_at_home() -> None:
    from polybius.api import code_text

    # Two countries named: the protesters' country is the police's own.
    text = (
        "The foreign ministers of Greece and Macedonia signed an agreement on Sunday, as Greek "
        "police fired tear gas at protesters near the ceremony."
    )
    events = code_text(text, date=dt.date(2018, 6, 17))
    assert ("GRCCOP", "GRCOPP", "175") in _triples(events)


def test_calling_an_accusation_baseless_denies_it() -> None:
    from polybius.api import code_text

    day = dt.date(2018, 3, 14)
    text = "Britain accused Russia of the poisoning. Moscow called the allegations absurd."
    codes = {t[2] for t in _triples(code_text(text, date=day)) if t[0] == "RUSGOV"}
    assert codes == {"016"}
    # A decision so called is judged, not denied.
    text = "Britain expelled 23 Russian diplomats. Moscow called the decision absurd."
    codes = {t[2] for t in _triples(code_text(text, date=day)) if t[0] == "RUSGOV"}
    assert codes == {"111"}


def test_shuttling_or_carrying_messages_between_two_sides_mediates() -> None:
    from polybius.api import code_text

    day = dt.date(2023, 11, 20)
    text = "Qatari officials shuttled between Israel and Hamas on Monday."
    assert _triples(code_text(text, date=day)) == {
        ("QATGOV", "ISR", "045"),
        ("QATGOV", "PSEREB", "045"),
    }
    text = "Egyptian officials carried messages between Israel and Hamas on Monday."
    assert ("EGYGOV", "PSEREB", "045") in _triples(code_text(text, date=day))
    text = "Norway acted as guarantor of the talks between Colombia and the ELN on Monday."
    assert ("NOR", "COL", "045") in _triples(code_text(text, date=day))
    # Carrying aid between two towns mediates nothing.
    text = "Egyptian trucks carried aid between Rafah and Khan Younis on Monday."
    assert not {t for t in _triples(code_text(text, date=day)) if t[2] == "045"}


def test_mourning_declared_for_someone_is_a_gesture_to_their_country() -> None:
    from polybius.api import code_text

    text = "Cuba declared three days of national mourning for Hugo Chavez on Wednesday."
    assert _triples(code_text(text, date=dt.date(2013, 3, 6))) == {("CUB", "VEN", "017")}


def test_following_suit_repeats_the_act_reported_last() -> None:
    from polybius.api import code_text

    day = dt.date(2018, 3, 26)
    text = "The United States expelled 60 Russian diplomats. Poland and Lithuania followed suit."
    events = code_text(text, date=day)
    expelled = {(t[1], t[2]) for t in _triples(events) if t[0] == "USA"}
    assert len(expelled) == 1
    ((target, code),) = expelled
    assert {t for t in _triples(events) if t[0] in ("POL", "LTU")} == {
        ("POL", target, code),
        ("LTU", target, code),
    }
    # Nothing reported before: nothing to repeat.
    assert code_text("Poland and Lithuania followed suit.", date=day) == []


def test_a_dateline_place_is_no_actor() -> None:
    from polybius.api import code_text

    text = "MOSCOW, May 8 - Russia and China signed an agreement on information security."
    assert _triples(code_text(text, date=dt.date(2015, 5, 8))) == {
        ("RUS", "CHN", "057"),
        ("CHN", "RUS", "057"),
    }


def test_responding_to_something_done_is_no_threat() -> None:
    from polybius.api import code_text

    text = "Britain expelled 23 Russian diplomats. Moscow responded to the British letter."
    assert not {t for t in _triples(code_text(text)) if t[2].startswith("13")}


def test_a_denial_answers_the_accuser_named_after_it() -> None:
    from polybius.api import code_text

    text = (
        "Israel's military denied on Wednesday that it had struck a hospital in Gaza City, "
        "after Hamas officials blamed an Israeli air strike."
    )
    triples = _triples(code_text(text, date=dt.date(2023, 10, 18)))
    assert ("ISRMIL", "PSEREB", "016") in triples


def test_a_denial_with_no_accuser_answers_those_attacked() -> None:
    from polybius.api import code_text

    text = "Moscow denied that Russian aircraft had bombed villages in Georgia."
    assert ("RUSGOV", "GEO", "016") in _triples(code_text(text, date=dt.date(2002, 8, 24)))


def test_denying_a_deed_is_no_refusal_of_the_thing() -> None:
    from polybius.api import code_text

    text = "Congo accused Rwanda of arming the M23 rebels. Rwanda denied arming the rebels."
    triples = _triples(code_text(text, date=dt.date(2022, 10, 29)))
    assert ("RWA", "COD", "016") in triples
    assert not {t for t in triples if t[2] == "1212"}


def test_a_rejection_beside_a_denial_is_asserted() -> None:
    from polybius.api import code_text

    text = (
        "Russia's defence ministry denied that it had supplied missile systems to separatists "
        "in Ukraine, rejecting accusations by Kyiv and Washington."
    )
    triples = _triples(code_text(text, date=dt.date(2014, 7, 21)))
    assert {("RUSMIL", "UKRGOV", "016"), ("RUSMIL", "USAGOV", "016")} <= triples


def test_a_power_held_is_not_used() -> None:
    from polybius.api import code_text

    text = "The Supreme Court has the authority to ban the party."
    bans = [e for e in code_text(text, include_modal=True) if e.cameo == "1722"]
    assert bans and all(e.modality.hypothetical for e in bans)


def test_an_announced_entry_codes_a_vow_not_a_deed() -> None:
    lexicon = (
        LEXICON
        + '  - {id: respond.v, lemmas: [respond], code: "130", announced: true,\n'
        + "     target: [prep:against]}\n"
    )
    vowed = _code("Russia said it would respond against Ukraine.", lexicon=lexicon)
    assert ("RUS", "UKR", "130") in _triples(vowed)
    done = _code("Russia responded against Ukraine.", lexicon=lexicon)
    assert not {t for t in _triples(done) if t[2] == "130"}


@pytest.mark.parametrize(
    "text",
    [
        "Australian troops landed in East Timor on Monday at the head of a peacekeeping force.",
        "Russian paratroopers arrived in Kazakhstan at the request of President Tokayev.",
    ],
)
def test_forces_arriving_to_keep_the_peace_protect(text: str) -> None:
    from polybius.api import code_text

    triples = _triples(code_text(text, date=dt.date(2022, 1, 7)))
    assert any(t[2] == "074" and t[1] in ("TLS", "KAZ") for t in triples)
    assert not {t for t in triples if t[2] in ("042", "043")}


def test_forces_sent_at_a_request_protect_the_country_not_its_government() -> None:
    from polybius.api import code_text

    sent = code_text(
        "Saudi Arabia sent troops into Bahrain at the request of the Bahraini government.",
        date=dt.date(2011, 3, 14),
    )
    assert _triples(sent) == {("SAU", "BHR", "074")}
    arrived = code_text(
        "Australian police officers arrived in Honiara at the request of Prime Minister "
        "Manasseh Sogavare.",
        date=dt.date(2021, 11, 25),
    )
    assert ("AUSCOP", "SLB", "074") in _triples(arrived)
    body = code_text("The peacekeeping forces of the CSTO have arrived in Kazakhstan.")
    assert ("IGOCASCST", "KAZ", "074") in _triples(body)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "Prime Minister Serzh Sargsyan resigned on Monday, bowing to 11 days of street "
            "protests.",
            dt.date(2018, 4, 23),
            {("ARMGOV", "ARMOPP", "0831")},
        ),
        (
            "Charles Taylor stepped down as president under heavy pressure from rebels "
            "besieging Monrovia and from the United States.",
            dt.date(2003, 8, 11),
            {("LBRGOV", "LBRREB", "0831"), ("LBRGOV", "USA", "0831")},
        ),
    ],
)
def test_a_leader_resigning_under_pressure_accedes_to_those_who_pressed(
    text: str, date: dt.date, expected: set[tuple[str, str, str]]
) -> None:
    from polybius.api import code_text

    resigned = {t for t in _triples(code_text(text, date=date)) if t[2] == "0831"}
    assert resigned == expected


def test_a_resignation_nobody_demanded_has_no_target() -> None:
    from polybius.api import code_text

    text = "Prime Minister Serzh Sargsyan resigned on Monday under the constitution."
    assert not code_text(text, date=dt.date(2018, 4, 23))


def test_coercion_a_body_agreed_to_is_taken_not_threatened() -> None:
    from polybius.api import code_text

    agreed = code_text("European Union leaders agreed on Monday to impose sanctions on Belarus.")
    assert ("IGOEUREEC", "BLR", "163") in _triples(agreed)
    threatened = code_text("The European Union threatened to impose sanctions on Belarus.")
    assert ("IGOEUREEC", "BLR", "1312") in _triples(threatened)


def test_restrictions_on_another_country_are_sanctions() -> None:
    from polybius.api import code_text

    text = "New Zealand imposed travel bans on the leaders of Fiji's military."
    assert ("NZL", "FJIMIL", "163") in _triples(code_text(text, date=dt.date(2006, 12, 6)))
    home = code_text("Fiji's military imposed a ban on Fijian opposition rallies.")
    assert "163" not in {t[2] for t in _triples(home)}


def test_a_host_receiving_two_countries_leaders_for_talks_mediates() -> None:
    from polybius.api import code_text

    date = dt.date(2022, 3, 10)
    text = (
        "Turkish President Recep Tayyip Erdogan received Russian President Vladimir Putin and "
        "Ukrainian President Volodymyr Zelensky in Istanbul for talks."
    )
    triples = _triples(code_text(text, date=date))
    assert {("TURGOV", "RUSGOV", "045"), ("TURGOV", "UKRGOV", "045")} <= triples
    assert ("TURGOV", "RUSGOV", "043") in triples
    one = code_text("Erdogan received Putin in Istanbul for talks.", date=date)
    assert "045" not in {t[2] for t in _triples(one)}


def test_a_denial_answers_an_accusation_made_a_few_sentences_before() -> None:
    from polybius.api import code_text

    text = (
        "Human Rights Watch on Thursday accused the Rapid Support Forces of ethnic cleansing "
        "in El Geneina. The group said the attacks killed thousands of people. It urged the "
        "Security Council to act. The RSF denied any wrongdoing."
    )
    triples = _triples(code_text(text, date=dt.date(2024, 5, 9)))
    assert ("SDNREB", "NGOHRIHRW", "016") in triples


def test_a_generic_intent_yields_to_what_was_agreed() -> None:
    lexicon = LEXICON + '  - {id: agree.v, lemmas: [agree], code: "030", reciprocal: true}\n'
    events = _code(
        "Russia and Belarus agreed on Friday, and they signed a treaty.", lexicon=lexicon
    )
    codes = {t[2] for t in _triples(events)}
    assert "057" in codes and "030" not in codes
    alone = _code("Russia and Belarus agreed on Friday.", lexicon=lexicon)
    assert ("RUS", "BLR", "030") in _triples(alone)


def test_the_mediation_of_a_country_is_that_country_mediating() -> None:
    from polybius.api import code_text

    text = "The agreement between Hamas and Israel was reached through the mediation of Qatar."
    triples = _triples(code_text(text, date=dt.date(2023, 11, 22)))
    assert {("QAT", "PSEREB", "045"), ("QAT", "ISR", "045")} <= triples


def test_a_meeting_facilitated_by_a_third_party_was_named_before() -> None:
    from polybius.api import code_text

    text = (
        "Ecuador and Peru signed a ceasefire declaration on Friday. The accord was brokered "
        "by Brazil."
    )
    mediated = {t for t in _triples(code_text(text)) if t[2] == "045"}
    assert mediated == {("BRA", "ECU", "045"), ("BRA", "PER", "045")}


def test_joint_exercises_are_held_by_both_partners() -> None:
    from polybius.api import code_text

    text = "South Africa began joint naval exercises with Russia off Durban."
    triples = _triples(code_text(text, date=dt.date(2023, 2, 17)))
    assert {("ZAF", "RUS", "062"), ("RUS", "ZAF", "062")} <= triples


def test_condemning_the_launch_condemns_who_launched() -> None:
    from polybius.api import code_text

    text = (
        "North Korea fired a ballistic missile over northern Japan on Tuesday. Prime "
        "Minister Shinzo Abe condemned the launch as a grave threat."
    )
    assert ("JPNGOV", "PRK", "111") in _triples(code_text(text, date=dt.date(2017, 8, 29)))


def test_a_denial_answers_all_who_accused_together() -> None:
    from polybius.api import code_text

    text = (
        "Britain and the United States blamed the Russian military for the cyberattack. "
        "Kremlin spokesman Dmitry Peskov denied that Russia had been behind the attack."
    )
    denials = {t for t in _triples(code_text(text, date=dt.date(2018, 2, 15))) if t[2] == "016"}
    assert denials == {("RUSGOV", "GBR", "016"), ("RUSGOV", "USA", "016")}


@pytest.mark.parametrize(
    "text",
    [
        # the "as" phrase hung on the object, the adjective on the "as"
        "Belarusian police detained the opposition leader Maria Kolesnikova in Minsk on "
        "Monday. Lithuania described the detention as 'arbitrary'.",
        # the opening quote read as a possessive: "the measures' economic retaliation"
        "Beijing imposed sanctions on Canberra. Australia called the measures 'economic "
        "retaliation'.",
    ],
)
def test_a_judgement_of_a_reported_act_survives_the_parse(text: str) -> None:
    from polybius.api import code_text

    judged = {t for t in _triples(code_text(text, date=dt.date(2020, 9, 8))) if t[2] == "111"}
    assert len(judged) == 1
    ((source, target, _),) = judged
    assert source in ("LTU", "AUS") and target in ("BLRCOP", "CHNGOV")


def test_a_violation_of_law_is_no_human_rights_abuse() -> None:
    from polybius.api import code_text

    law = code_text("Mexico accused Ecuador of a grave violation of international law.")
    rights = code_text("The United Nations accused Myanmar of grave violations of human rights.")
    assert _triples(law) == {("MEX", "ECU", "112")}
    assert _triples(rights) == {("IGOUNO", "MMR", "1122")}


@pytest.mark.parametrize(
    ("text", "mediator"),
    [
        (
            "Erdogan met the Swedish prime minister in Vilnius, in a meeting convened by NATO.",
            "IGOWSTNAT",
        ),
        (
            "Venezuela and Guyana signed a declaration. The talks were facilitated by the "
            "Prime Minister of Saint Vincent and the Grenadines, Ralph Gonsalves.",
            "VCT",
        ),
    ],
)
def test_who_convened_or_facilitated_talks_mediates_between_the_parties(
    text: str, mediator: str
) -> None:
    from polybius.api import code_text

    triples = _triples(code_text(text, date=dt.date(2023, 12, 14)))
    mediated = {(s, t[:3]) for s, t, c in triples if c == "045"}
    assert len(mediated) == 2 and {s for s, _ in mediated} == {mediator}


def test_talks_sponsored_by_two_states_are_mediated_by_both() -> None:
    from polybius.api import code_text

    text = (
        "Sudan's army and the Rapid Support Forces signed a declaration in Jeddah, in talks "
        "sponsored by Saudi Arabia and the United States."
    )
    mediators = {
        t[0] for t in _triples(code_text(text, date=dt.date(2023, 5, 20))) if t[2] == "045"
    }
    assert mediators == {"SAU", "USA"}
    hosted = code_text("Saudi Arabia sponsored a resolution at the Security Council.")
    assert not any(e.cameo == "045" for e in hosted)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Amnesty International said soldiers had killed at least 12 protesters in Lagos.",
            ("NGOHRIAMN", "NGAMIL", "1122"),
        ),
        (
            "Amnesty International said troops had committed genocide against the Rohingya "
            "in Myanmar.",
            ("NGOHRIAMN", "MMRMIL", "1124"),
        ),
    ],
)
def test_a_rights_group_reporting_abuses_accuses_the_perpetrators(
    text: str, expected: tuple[str, str, str]
) -> None:
    from polybius.api import code_text

    assert expected in _triples(code_text(text, date=dt.date(2020, 10, 21)))


def test_a_un_envoy_reporting_killings_accuses_no_one() -> None:
    from polybius.api import code_text

    text = "A United Nations envoy said soldiers had killed at least 12 protesters in Lagos."
    codes = {t[2] for t in _triples(code_text(text, date=dt.date(2020, 10, 21)))}
    assert codes and not any(c.startswith("112") for c in codes)


def test_a_rights_group_accusing_police_of_firing_accuses_them_of_abuse() -> None:
    from polybius.api import code_text

    text = "Human Rights Watch accused the police of firing on protesters."
    assert _triples(code_text(text)) == {("NGOHRIHRW", "---COP", "1122")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Protesters stormed the prime minister's residence in Dhaka.",
            ("BGDOPP", "BGDGOV", "145"),
        ),
        (
            "Thousands of protesters broke into President Gotabaya Rajapaksa's official "
            "residence in Colombo.",
            ("LKAOPP", "LKAGOV", "145"),
        ),
        (
            "Ecuadorian police forced their way into the Mexican embassy in Quito.",
            ("ECUCOP", "MEXGOV", "170"),
        ),
    ],
)
def test_breaking_into_a_seat_of_office_is_aimed_at_its_holder(
    text: str, expected: tuple[str, str, str]
) -> None:
    from polybius.api import code_text

    assert expected in _triples(code_text(text, date=dt.date(2022, 7, 9)))


def test_planes_carrying_aid_deliver_it_rather_than_visit() -> None:
    from polybius.api import code_text

    aid = "Two French military planes carrying rescuers and medical supplies landed in Beirut."
    assert _triples(code_text(aid, date=dt.date(2020, 8, 6))) == {("FRAMIL", "LBN", "073")}
    troops = "Two French military planes carrying marines landed in Beirut."
    assert "073" not in {t[2] for t in _triples(code_text(troops, date=dt.date(2020, 8, 6)))}


def test_aid_is_known_by_its_cargo_and_goes_to_the_country_of_any_city() -> None:
    from polybius.api import code_text

    day = dt.date(2008, 5, 16)
    sent = "India sent navy ships loaded with food and medical teams to Sri Lanka."
    assert _triples(code_text(sent, date=day)) == {("IND", "LKA", "073")}
    team = "A Japanese rescue team arrived in Chengdu on Friday."
    assert _triples(code_text(team, date=day)) == {("JPN", "CHN", "073")}
    officials = "Japanese officials arrived in Chengdu on Friday."
    assert code_text(officials, date=day) == [], "a visit to a city names no host"
    blocked = "Chinese ships blocked Philippine boats loaded with food near the shoal."
    assert "073" not in {t[2] for t in _triples(code_text(blocked, date=day))}


def test_a_decision_judged_is_the_act_decided_not_the_thanks_it_drew() -> None:
    from polybius.api import code_text

    text = (
        "Chancellor Olaf Scholz said on Wednesday that Germany would send tanks to Ukraine. "
        "President Volodymyr Zelensky thanked Scholz, while the Russian ambassador called the "
        "decision 'extremely dangerous'."
    )
    judged = {t for t in _triples(code_text(text, date=dt.date(2023, 1, 25))) if t[2] == "111"}
    assert judged == {("RUSGOV", "DEUGOV", "111")}


def test_a_party_named_in_apposition_to_its_kind_is_the_target() -> None:
    from polybius.api import code_text

    text = "Fatah signed a reconciliation pact with the Islamist movement Hamas in Cairo."
    assert ("PSEPTY", "PSEREB", "057") in _triples(code_text(text, date=dt.date(2014, 4, 23)))


def test_signing_with_a_partner_is_done_by_both_and_ratifying_by_one() -> None:
    from polybius.api import code_text

    text = "The United States signed an agreement with the Taliban in Doha."
    signed = _triples(code_text(text, date=dt.date(2020, 2, 29)))
    assert {t for t in signed if t[2] == "057"} == {
        ("USA", "AFGREB", "057"),
        ("AFGREB", "USA", "057"),
    }
    ratified = _triples(code_text("Russia ratified the treaty with Ukraine."))
    assert {t for t in ratified if t[2] == "057"} == {("RUS", "UKR", "057")}


def test_the_parties_to_a_signing_hang_on_what_was_signed() -> None:
    from polybius.api import code_text

    text = "The signing of the peace agreement between Ethiopia and Eritrea took place in Jeddah."
    triples = _triples(code_text(text, date=dt.date(2018, 9, 16)))
    assert triples == {("ETH", "ERI", "057"), ("ERI", "ETH", "057")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran launched more than 100 drones and several waves of cruise missiles towards "
            "Israel.",
            ("IRN", "ISR", "195"),
        ),
        (
            "Police in Hong Kong fired tear gas, rubber bullets and bean-bag rounds at protesters.",
            ("HKGCOP", "HKGOPP", "175"),
        ),
    ],
)
def test_the_aim_of_what_was_fired_may_hang_on_it(
    text: str, expected: tuple[str, str, str]
) -> None:
    from polybius.api import code_text

    assert expected in _triples(code_text(text, date=dt.date(2024, 4, 13)))


def test_what_an_ultimatum_demands_is_not_done_but_a_decision_reports_its_act() -> None:
    from polybius.api import code_text

    ultimatum = (
        "Yugoslav President Slobodan Milosevic was given a final ultimatum by U.S. envoy "
        "Richard Holbrooke in Belgrade on Monday to accept the Kosovo peace deal."
    )
    assert not any(
        e.cameo.startswith("03") for e in code_text(ultimatum, date=dt.date(1998, 10, 12))
    )
    move = "Mexico's move to grant asylum to Castillo's family angered Peru."
    assert "075" in {e.cameo for e in code_text(move, date=dt.date(2022, 12, 20))}


def test_a_capitalised_title_acting_is_the_person_named_beside_it() -> None:
    from polybius.api import code_text

    text = (
        "The Ambassador of France in Bamako, Joel Meyer, was summoned on Monday by the "
        "Minister of Foreign Affairs, Abdoulaye Diop."
    )
    assert ("MLIGOV", "FRAGOV", "114") in _triples(code_text(text, date=dt.date(2022, 1, 31)))


def test_a_name_the_knowledge_base_lacks_is_the_role_in_apposition() -> None:
    from polybius.api import code_text

    text = (
        "Israeli Defence Minister Benny Gantz and Abdellatif Loudiyi, Morocco's minister for "
        "national defence administration, signed a memorandum of understanding in Rabat."
    )
    triples = _triples(code_text(text, date=dt.date(2021, 11, 24)))
    assert {("ISRMIL", "MARMIL", "057"), ("MARMIL", "ISRMIL", "057")} <= triples


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Argentina signed a deal on Tuesday to buy 24 used F-16 fighter jets from Denmark.",
         ("ARG", "DNK")),
        ("Venezuela signed contracts in Moscow to buy 24 fighter jets and 53 helicopters "
         "from Russia.", ("VEN", "RUS")),
        ("Egypt signed a deal on Monday to sell natural gas to Jordan.", ("EGY", "JOR")),
    ],
)  # fmt: skip
def test_a_deal_signed_to_buy_or_sell_is_signed_with_the_other_side(
    text: str, pair: tuple[str, str]
) -> None:
    from polybius.api import code_text

    triples = _triples(code_text(text, date=dt.date(2023, 11, 14)))
    assert {(*pair, "057"), (pair[1], pair[0], "057")} <= triples


def test_a_missile_fired_over_a_country_is_a_show_of_force_towards_it() -> None:
    from polybius.api import code_text

    text = "North Korea fired an intermediate-range ballistic missile over Japan on Tuesday."
    assert _triples(code_text(text, date=dt.date(2022, 10, 4))) == {("PRK", "JPN", "150")}
    text = "Hamas fired rockets over the border into Israel."
    assert ("PSEREB", "ISR", "195") in _triples(code_text(text, date=dt.date(2022, 10, 4)))


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("The Philippines received two frigates from South Korea on Tuesday.",
         ("KOR", "PHL", "062")),
        ("Mali's armed forces took delivery of four Mi-171 helicopters from Russia on Thursday.",
         ("RUS", "MLIMIL", "062")),
        ("Brazil lodged a WTO complaint against US cotton subsidies.", ("BRA", "USA", "115")),
    ],
)  # fmt: skip
def test_arms_received_come_from_the_supplier_and_a_wto_case_is_a_lawsuit(
    text: str, triple: tuple[str, str, str]
) -> None:
    from polybius.api import code_text

    triples = _triples(code_text(text, date=dt.date(2022, 1, 6)))
    assert triple in triples
    assert (triple[1], triple[0], triple[2]) not in triples


@pytest.mark.parametrize(
    "text",
    [
        "The Russian frigate Admiral Gorshkov docked in Havana on Wednesday.",
        "Two Russian navy destroyers made a port call in Cuba on Wednesday.",
    ],
)
def test_warships_docking_abroad_visit_the_country_of_the_port(text: str) -> None:
    from polybius.api import code_text

    triples = _triples(code_text(text, date=dt.date(2024, 6, 12)))
    assert {("RUSMIL", "CUB", "042"), ("CUB", "RUSMIL", "043")} <= triples


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Russia cut off gas to Ukraine on New Year's Day.", ("RUS", "UKR", "163")),
        ("Israel cut electricity supplies to Gaza on Monday.", ("ISR", "PSE", "163")),
    ],
)
def test_energy_cut_off_from_a_country_is_an_embargo(
    text: str, triple: tuple[str, str, str]
) -> None:
    from polybius.api import code_text

    assert triple in _triples(code_text(text, date=dt.date(2009, 1, 1)))
    production = "OPEC cut oil production by two million barrels a day."
    assert code_text(production, date=dt.date(2009, 1, 1)) == []


def test_retaliatory_tariffs_imposed_are_tariffs_not_a_vow() -> None:
    from polybius.api import code_text

    text = "Canada imposed retaliatory tariffs on US goods worth 16.6 billion Canadian dollars."
    assert ("CAN", "USA", "163") in _triples(code_text(text, date=dt.date(2018, 7, 1)))
    text = "China vowed to take retaliatory measures against the United States."
    assert ("CHN", "USA", "131") in _triples(code_text(text, date=dt.date(2018, 7, 1)))


@pytest.mark.parametrize("verb", ["hosted", "sponsored"])
def test_a_host_of_talks_between_two_sides_mediates_and_is_no_party(verb: str) -> None:
    from polybius.api import code_text

    text = f"Egypt {verb} talks between Israel and Hamas in Cairo on Monday."
    triples = _triples(code_text(text, date=dt.date(2021, 5, 24)))
    assert {("EGY", "ISR", "045"), ("EGY", "PSEREB", "045")} <= triples
    assert not any("EGY" in (s, t) and c.startswith("04") and c != "045" for s, t, c in triples)


def test_a_complaint_lodged_at_the_wto_is_a_case_against_the_other_side() -> None:
    from polybius.api import code_text

    text = "Mexico lodged a complaint with the WTO against the United States over steel tariffs."
    assert _triples(code_text(text, date=dt.date(2018, 6, 5))) == {("MEX", "USA", "115")}
    text = "Iran lodged a complaint with the UN Security Council against Israel."
    assert _triples(code_text(text, date=dt.date(2018, 6, 5))) == {("IRN", "ISR", "114")}


def test_a_price_cap_on_a_countrys_exports_is_a_sanction_on_it() -> None:
    from polybius.api import code_text

    text = "The G7 capped the price of Russian oil at 60 dollars a barrel."
    assert _triples(code_text(text, date=dt.date(2022, 12, 5))) == {("IGOGOS", "RUS", "163")}
    text = "The government capped fuel prices at 2 dollars a litre."
    assert code_text(text, date=dt.date(2022, 12, 5)) == []


def test_a_government_announcing_it_will_expel_envoys_has_expelled_them() -> None:
    from polybius.api import code_text

    announced = code_text("Britain will expel 23 Russian diplomats, Theresa May said on Wednesday.")
    assert ("GBR", "RUSGOV", "161") in _triples(announced)
    conditional = code_text(
        "Russia said it would expel British diplomats if London did not apologise."
    )
    assert "161" not in {e.cameo for e in conditional}, "a condition keeps it a threat"


def test_water_cannon_at_ships_coerces_and_ramming_damages() -> None:
    from polybius.api import code_text

    events = code_text("Chinese ships rammed and fired water cannon at Vietnamese vessels.")
    assert {("CHN", "VNM", "170"), ("CHN", "VNM", "171")} <= _triples(events)
    crowd = code_text("Police fired water cannon at protesters in Hong Kong.")
    assert {e.cameo for e in crowd} == {"175"}


def test_troops_exchanging_fire_fight_with_small_arms_and_artillery_is_named() -> None:
    from polybius.api import code_text

    fire = code_text("Kyrgyz and Tajik troops exchanged fire along the frontier on Thursday.")
    assert {e.cameo for e in fire} == {"193"}
    shells = code_text("Indian and Pakistani troops exchanged artillery fire across the border.")
    assert {e.cameo for e in shells} == {"194"}


def test_an_action_called_excessive_is_criticised() -> None:
    from polybius.api import code_text

    events = code_text(
        "The Philippine armed forces called the Chinese action excessive and offensive."
    )
    assert ("PHLMIL", "CHN", "111") in _triples(events)


def test_envoys_declared_unwelcome_or_given_days_to_leave_are_expelled() -> None:
    from polybius.api import code_text

    declared = code_text("Peru declared Mexico's ambassador persona non grata on Tuesday.")
    assert {
        (e.source.code[:3], e.target.code[:3] if e.target else "", e.cameo) for e in declared
    } == {("PER", "MEX", "161")}
    deadline = code_text("Somalia gave Kenyan diplomats seven days to leave Mogadishu.")
    assert ("SOM", "KENGOV", "161") in _triples(deadline)
    comply = code_text("Saudi Arabia gave Qatar ten days to comply with the demands.")
    assert {e.cameo for e in comply} == {"139"}, "a deadline to comply is no expulsion"


def test_warplanes_entering_a_countrys_airspace_show_force_against_it() -> None:
    from polybius.api import code_text

    events = code_text("Russian warplanes entered Estonian airspace without permission on Friday.")
    assert ("RUSMIL", "EST", "150") in _triples(events)


def test_an_act_called_unacceptable_is_held_against_who_did_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "Iran's navy seized a British-flagged tanker on Friday. "
        "The British foreign secretary called the seizure unacceptable."
    )
    assert ("GBRGOV", "IRNMIL", "111") in _triples(events)


def test_tear_gas_fired_at_no_one_named_is_fired_at_the_protesters() -> None:
    from polybius.api import code_text

    events = code_text(
        "Protesters clashed with police in Dakar on Thursday, burning buses, while police "
        "fired tear gas."
    )
    assert ("SENCOP", "SENOPP", "175") in _triples(events)


def test_protesters_throwing_petrol_bombs_at_police_riot() -> None:
    from polybius.api import code_text

    events = code_text("Anti-government protesters in Hong Kong threw petrol bombs at police.")
    assert ("HKGOPP", "HKGCOP", "145") in _triples(events), "anti-government is no government"


def test_a_prisoner_swap_frees_each_sides_people() -> None:
    from polybius.api import code_text

    swap = code_text("Russia and Ukraine exchanged 230 prisoners of war on Saturday.")
    assert _triples(swap) == {("RUS", "UKR", "0841"), ("UKR", "RUS", "0841")}
    named = code_text("Russia and Estonia exchanged an Estonian officer for a Russian agent.")
    assert _triples(named) == {("RUS", "EST", "0841"), ("EST", "RUS", "0841")}
    noun = code_text("The United States and Russia completed their biggest spy swap on Friday.")
    assert _triples(noun) == {("USA", "RUS", "0841"), ("RUS", "USA", "0841")}


def test_warning_shots_and_intercepts_show_force_at_the_other_side() -> None:
    from polybius.api import code_text

    shots = code_text("South Korean fighter jets fired warning shots at a Russian military plane.")
    assert _triples(shots) == {("KORMIL", "RUSMIL", "150")}
    intercept = code_text("NATO jets intercepted three Russian aircraft over the Baltic Sea.")
    assert ("IGOWSTNAT", "RUS", "150") in _triples(intercept)
    shadow = code_text("A Japanese destroyer shadowed the Chinese carrier group.")
    assert ("JPNMIL", "CHN", "150") in _triples(shadow)


def test_a_person_the_knowledge_base_lacks_is_the_role_beside_the_name() -> None:
    from polybius.api import code_text

    events = code_text(
        "Russia's FSB security service arrested Evan Gershkovich, an American reporter, "
        "in Yekaterinburg on Thursday."
    )
    assert {(e.target.code if e.target else "", e.cameo) for e in events} == {("USAMED", "173")}


def test_an_accusation_of_a_crime_named_by_a_gerund_is_of_that_crime() -> None:
    from polybius.api import code_text

    stealing = code_text("The opposition leader accused the ruling party of stealing the vote.")
    assert {e.cameo for e in stealing} == {"1121"}
    abusing = code_text("Ecuador accused Mexico of abusing its diplomatic immunity.")
    assert {e.cameo for e in abusing} == {"112"}, "abusing immunity is no human-rights abuse"


def test_a_demand_joined_to_a_protest_is_made_to_its_addressee() -> None:
    from polybius.api import code_text

    events = code_text(
        "Japan lodged a strong protest with Moscow and demanded the immediate release of the crew."
    )
    assert ("JPN", "RUSGOV", "1053") in _triples(events)


def test_an_accusation_of_crossing_a_border_is_of_aggression() -> None:
    from polybius.api import code_text

    events = code_text(
        "China's foreign ministry accused Indian troops of crossing the border and attacking "
        "Chinese personnel."
    )
    assert {e.cameo for e in events} == {"1123"}
    rules = code_text("The police accused the candidate of violating health restrictions.")
    assert {e.cameo for e in rules} == {"112"}, "violating rules is no crossing"
    sending = code_text("Congo accused Rwanda of sending troops across the border.")
    assert {e.cameo for e in sending} == {"1123"}, "troops sent across a border cross it"


def test_blame_for_a_deed_is_coded_by_the_deed_blame_for_an_attack_is_plain() -> None:
    from polybius.api import code_text

    deed = code_text(
        "Azerbaijan's defence ministry blamed Armenian forces for shelling its positions."
    )
    assert {e.cameo for e in deed} == {"1123"}
    attack = code_text("Somalia's president blamed al-Shabaab for the attack.")
    assert {e.cameo for e in attack} == {"112"}, "blamed for an attack attributes it"


def test_two_sides_reaching_a_deal_conclude_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "The United States and Mexico reached an agreement on migration late on Friday."
    )
    assert _triples(events) == {("USA", "MEX", "057"), ("MEX", "USA", "057")}
    to_come = code_text(
        "Israel and Jordan reached a consensus to exchange data on water resources."
    )
    assert {e.cameo[:2] for e in to_come} == {"03"}, "an agreement to act is an intent"


def test_aid_cut_is_coded_by_its_kind() -> None:
    from polybius.api import code_text

    budget = code_text("France suspended all development aid and budget support to Niger.")
    assert {e.cameo for e in budget} == {"1621"}
    plain = code_text("New Zealand suspended aid to Fiji on Wednesday.")
    assert {e.cameo for e in plain} == {"162"}, "aid of no stated kind"
    paused = code_text("The United States paused military aid to Ukraine.")
    assert {e.cameo for e in paused} == {"1622"}


def test_a_lender_approving_a_programme_for_a_country_gives_it_economic_aid() -> None:
    from polybius.api import code_text

    events = code_text("The IMF's board approved a stand-by arrangement for Egypt.")
    assert ("IGOBUSIMF", "EGY", "071") in _triples(events)


def test_a_leader_hosting_another_for_talks_holds_them_with_him() -> None:
    from polybius.api import code_text

    events = code_text(
        "Chancellor Olaf Scholz hosted President Emmanuel Macron for talks in Berlin."
    )
    assert {e.cameo for e in events} == {"042", "043", "040"}


def test_summoning_a_high_commissioner_protests_to_his_state() -> None:
    from polybius.api import code_text

    events = code_text("India summoned Pakistan's high commissioner on Thursday.")
    assert ("IND", "PAKGOV", "114") in _triples(events)


def test_days_of_talks_are_held_by_the_light_verb_subject() -> None:
    from polybius.api import code_text

    events = code_text("Marcelo Ebrard led three days of negotiations with US officials.")
    assert {e.cameo for e in events} == {"046"}
    assert len(events) == 2, "negotiations go both ways"


def test_a_judgement_naming_aggression_or_genocide_accuses_of_it() -> None:
    from polybius.api import code_text

    aggression = code_text("Russia condemned the US strikes as an act of aggression.")
    assert {e.cameo for e in aggression} >= {"1123"}
    genocide = code_text("Bangladesh described the Myanmar army's killings as genocide.")
    assert _triples(genocide) == {("BGD", "MMRMIL", "1124")}
    unfair = code_text("Russia called the US sanctions unacceptable.")
    assert {e.cameo for e in unfair} == {"111"}


def test_hosting_a_named_leader_known_by_his_apposition_is_a_visit() -> None:
    from polybius.api import code_text

    events = code_text(
        "President Uhuru Kenyatta hosted Muse Bihi Abdi, the leader of Somaliland, in Nairobi."
    )
    assert {e.cameo for e in events} == {"042", "043"}


def test_a_light_verb_and_its_object_of_the_same_code_are_one_event() -> None:
    from polybius.api import code_text

    events = code_text("Kenya sent food aid to Somalia.")
    assert [(e.source.code, e.target.code if e.target else None, e.cameo) for e in events] == [
        ("KEN", "SOM", "073")
    ]


def test_a_regional_body_suspending_a_member_state_cuts_its_ties() -> None:
    from polybius.api import code_text

    events = code_text("The Commonwealth suspended Pakistan from its councils on Monday.")
    assert _triples(events) == {("IGOCWN", "PAK", "161")}
    bare = code_text("ECOWAS suspended Mali on Sunday.")
    assert _triples(bare) == {("IGOWAFBUSWAS", "MLI", "161")}
    talks = code_text("The African Union suspended talks with the rebels.")
    assert {e.cameo for e in talks} == {"164"}, "talks suspended are no member suspended"


def test_an_accusation_of_attempting_or_planning_a_deed_is_of_that_deed() -> None:
    from polybius.api import code_text

    coup = code_text("Maduro accused the opposition of attempting a coup.")
    assert {e.cameo for e in coup} == {"1125"}
    invasion = code_text("Niger's junta accused ECOWAS of planning a military invasion.")
    assert {e.cameo for e in invasion} == {"1123"}


def test_talks_hosted_by_a_third_state_are_mediated_by_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "The United States and the Taliban signed an agreement in Doha after more than a year "
        "of talks hosted by Qatar.",
        date=dt.date(2020, 2, 29),
    )
    assert {t for t in _triples(events) if t[2] == "045"} == {
        ("QAT", "USA", "045"),
        ("QAT", "AFGREB", "045"),
    }


def test_a_coup_attempt_condemned_is_held_against_the_soldiers_who_made_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "Members of Niger's presidential guard detained President Mohamed Bazoum. "
        "The African Union condemned the coup attempt.",
        date=dt.date(2023, 7, 26),
    )
    assert ("IGOAFRAFU", "NERMIL", "111") in _triples(events)
    assert ("NERMIL", "NERGOV", "173") in _triples(events)


def test_a_leader_resigning_under_protest_held_the_office_he_left() -> None:
    from polybius.api import code_text

    # The knowledge base has Hasina out of office from 5 August; the paper is of the 6th.
    events = code_text(
        "Sheikh Hasina resigned as prime minister on Monday, bowing to weeks of protests.",
        date=dt.date(2024, 8, 6),
    )
    assert ("BGDGOV", "BGDOPP", "0831") in _triples(events)
    later = code_text(
        "Sheikh Hasina, who resigned last week, said she would return.", date=dt.date(2024, 8, 12)
    )
    assert "0831" not in {e.cameo for e in later}, "a resignation told of in passing"


def test_what_a_junta_does_to_the_state_it_seized() -> None:
    from polybius.api import code_text

    custody = code_text(
        "Soldiers took President Robert Mugabe into custody.", date=dt.date(2017, 11, 15)
    )
    assert _triples(custody) == {("ZWEMIL", "ZWEGOV", "173")}
    dissolved = code_text("Guinean special forces announced the dissolution of the government.")
    assert _triples(dissolved) == {("GINMIL", "GINGOV", "172")}
    burnt = code_text("Protesters set fire to the French embassy in Kinshasa.")
    assert ("CODOPP", "FRAGOV", "1712") in _triples(burnt)


def test_an_after_clause_under_an_agreement_to_act_reports_what_happened() -> None:
    from polybius.api import code_text

    events = code_text(
        "Damiba agreed on Sunday to resign after religious leaders mediated between him and "
        "the new junta.",
        date=dt.date(2022, 10, 2),
    )
    mediated = [e for e in events if e.rule == "mediate.v"]
    assert mediated and all(e.cameo == "045" and e.modality.factual for e in mediated)


def test_soldiers_killed_in_a_clash_with_another_army_fought_it() -> None:
    from polybius.api import code_text

    events = code_text(
        "Twenty Indian soldiers were killed in a clash with Chinese troops in the Galwan Valley."
    )
    assert _triples(events) == {("INDMIL", "CHNMIL", "190"), ("CHNMIL", "INDMIL", "190")}


def test_a_claim_of_responsibility_is_made_to_those_the_deed_harmed() -> None:
    from polybius.api import code_text

    day = dt.date(2024, 8, 26)
    owned = _triples(
        code_text(
            "Fighters of JNIM killed scores of civilians in Barsalogho in Burkina Faso on "
            "Saturday. JNIM claimed responsibility on Sunday.",
            date=day,
        )
    )
    assert ("MLIREB", "BFACVL", "015") in owned, "the last attack reported is owned"
    named = _triples(
        code_text(
            "Somalia's al-Shabaab militant group claimed responsibility for the assault on "
            "Nairobi's Westgate shopping mall.",
            date=dt.date(2013, 9, 22),
        )
    )
    assert ("SOMREB", "KEN", "015") in named, "the place the deed named, not its government"
    state = code_text(
        "Gunmen killed six policemen in Kano. The governor said he took responsibility.",
        date=day,
    )
    assert "015" not in {e.cameo for e in state}, "only armed groups own attacks by default"


def test_saying_ones_own_side_did_not_do_a_deed_denies_it() -> None:
    from polybius.api import code_text

    day = dt.date(2022, 3, 10)
    answered = _triples(
        code_text(
            "Ukraine accused Russia of shelling Kharkiv. The Kremlin said Russian forces had "
            "not fired on the city.",
            date=day,
        )
    )
    assert ("RUSGOV", "UKR", "016") in answered, "the denial answers the accuser"
    aimed = _triples(
        code_text(
            "Russian Foreign Minister Sergei Lavrov insisted on Monday that Moscow had not "
            "sent troops into eastern Ukraine.",
            date=day,
        )
    )
    assert ("RUSGOV", "UKR", "016") in aimed, "or those the deed would have been done to"
    other = code_text("Poland said Russian forces had not fired on Ukrainian towns.", date=day)
    assert "016" not in {e.cameo for e in other}, "another side's deed denied is no denial"


def test_boats_of_migrants_are_stopped_or_turned_back_and_goods_seized() -> None:
    from polybius.api import code_text

    day = dt.date(2017, 7, 2)
    stopped = "The Italian navy intercepted a boat carrying 200 Eritrean migrants on Sunday."
    assert _triples(code_text(stopped, date=day)) == {("ITAMIL", "ERIIMG", "191")}
    turned = "Australian navy ships turned back boats carrying Sri Lankan asylum seekers."
    assert _triples(code_text(turned, date=day)) == {("AUSMIL", "LKAREF", "174")}
    seized = "Israel intercepted an Iranian arms shipment bound for Gaza."
    assert ("ISR", "IRN", "1711") in _triples(code_text(seized, date=day))


def test_aid_offered_or_sent_after_a_disaster_is_humanitarian() -> None:
    from polybius.api import code_text

    day = dt.date(2023, 9, 9)
    quake = (
        "A powerful earthquake killed 2,000 people in Morocco. Spain offered aid to Morocco "
        "on Saturday."
    )
    assert ("ESP", "MAR", "0333") in _triples(code_text(quake, date=day))
    assert ("GBR", "PAK", "073") in _triples(
        code_text("Britain sent aid to Pakistan after the floods.", date=day)
    )
    assert ("GBR", "PAK", "070") in _triples(code_text("Britain sent aid to Pakistan.", date=day))


def test_what_a_call_is_made_for_is_addressed_to_the_one_called() -> None:
    from polybius.api import code_text

    day = dt.date(2019, 3, 16)
    text = (
        "Australian Prime Minister Scott Morrison telephoned New Zealand Prime Minister "
        "Jacinda Ardern to offer condolences."
    )
    assert ("AUSGOV", "NZLGOV", "018") in _triples(code_text(text, date=day))
    text = "Morrison telephoned Ardern, offering condolences to the families."
    assert ("AUSGOV", "NZLGOV", "018") not in _triples(code_text(text, date=day))


def test_investigators_sent_to_another_state_are_judicial_cooperation() -> None:
    from polybius.api import code_text

    day = dt.date(2019, 4, 23)
    offered = _triples(code_text("India offered to send investigators to Sri Lanka.", date=day))
    assert offered == {("IND", "LKA", "0313")}, "offered: intent to cooperate"
    sent = _triples(code_text("India sent investigators to Sri Lanka on Monday.", date=day))
    assert sent == {("IND", "LKA", "063")}


def test_what_a_state_sends_is_not_whom_it_sends_it_to() -> None:
    from polybius.api import code_text

    day = dt.date(1998, 8, 8)
    text = "President Bill Clinton promised to send FBI investigators to Kenya."
    triples = _triples(code_text(text, date=day))
    assert ("USAGOV", "KEN", "0313") in triples
    assert not any(t[1].startswith("USA") for t in triples), "the FBI is sent, not aided"


def test_asking_another_to_side_against_a_third_is_asking_for_support() -> None:
    from polybius.api import code_text

    day = dt.date(2022, 2, 24)
    text = "Kuleba called on the European Union to impose devastating sanctions on Russia."
    assert ("UKRGOV", "IGOEUREEC", "022") in _triples(code_text(text, date=day))
    text = "Zelensky urged Russia to stop shelling the city."
    assert ("UKRGOV", "RUS", "022") not in _triples(code_text(text, date=day))


def test_contacts_suspended_reduce_diplomatic_relations() -> None:
    from polybius.api import code_text

    day = dt.date(2018, 3, 14)
    text = "Britain suspended all planned high-level bilateral contacts with Russia."
    assert ("GBR", "RUS", "161") in _triples(code_text(text, date=day))
    text = "Britain suspended scientific exchanges with Russia."
    assert ("GBR", "RUS", "160") in _triples(code_text(text, date=day)), "other ties: 160"
