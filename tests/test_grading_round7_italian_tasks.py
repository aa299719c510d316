"""Grader round 7: Italian procedure steps read as tasks, not outcomes.

Five forms of a procedure (an SOP list) name what we will do: a noun of action by its ending,
lower case or capitalised, alone or before a link ("stesura del piano", "monitoraggio delle
opportunità", "revisione forecast"); a participle of a step after its object ("Lead assegnato
al commerciale"); a reflexive infinitive before "che" or a link ("assicurarsi che…"); short
fragments of loan words, which must be read as Italian first; and references or codes ("vedi
sezione 7.3", "SOP-CRM-01") that are labels, not quantities. A change noun on a metric, a state
reached and a count of a result stay outcomes. The statements are written for these tests;
every verdict comes from the one reading (:func:`okrsim.grading.grader.read`).
"""

from __future__ import annotations

import pytest

from okrsim.grading.analysis import action_noun, step_participle
from okrsim.grading.grader import grade, read
from okrsim.grading.language import detect_language
from okrsim.grading.lexicon import load_lexicon


@pytest.mark.parametrize("text", [
    "stesura del piano per il canale indiretto",
    "sintesi delle obiezioni raccolte nelle demo",
    "verifica trimestrale del forecast con i capi area",
    "monitoraggio delle opportunità in negoziazione",
    "tracciamento dei contatti nel CRM",
    "scelta delle agenzie per gli eventi",
    "Aggiunta di nuovi campi alla scheda partner",
    "Raccolta delle richieste di sconto",
    "revisione con il direttore commerciale",
    "Chiusura mensile della pipeline con la direzione",
    "Analisi delle trattative perse",
    "Tuning delle sequenze email",
    "Scouting di nuovi distributori",
])
def test_a_noun_of_action_opening_a_step_is_a_task(text):
    assert grade(text, lang="it").activity is True, text


@pytest.mark.parametrize("text", [
    "crescita del fatturato ricorrente del 12%",
    "riduzione del churn dei clienti PMI dal 7% al 5%",
    "aumento delle opportunità qualificate",
    "Tasso di chiusura delle trattative enterprise",
    "Generazione di 200 lead dal canale partner",
    "Chiusura di 12 contratti nel retail",
    "Riconoscimento del marchio nel Nord Italia",
    "Ottenimento della certificazione del partner",
    "Copertura della pipeline a 3x",
])
def test_a_change_a_metric_or_a_count_of_results_stays_an_outcome(text):
    assert grade(text, lang="it").activity is False, text


def test_action_noun_reads_the_verb_of_a_noun_by_its_ending():
    lexicon = load_lexicon("it")
    assert action_noun("monitoraggio", lexicon) == "task"  # monitorare
    assert action_noun("tracciamento", lexicon) == "task"  # tracciare
    assert action_noun("generazione", lexicon) == "outcome"  # generare
    assert action_noun("ottenimento", lexicon) == "outcome"  # ottenere
    assert action_noun("riconoscimento", lexicon) == "outcome"  # a state reached
    assert action_noun("analisi", lexicon) == "noun"
    assert action_noun("stesura", lexicon) == "noun"
    assert action_noun("posizionamento", lexicon) is None  # a vague area
    assert action_noun("pipeline", lexicon) is None


@pytest.mark.parametrize("text", [
    "Opportunità assegnata al responsabile di zona",
    "Motivo della perdita selezionato",
    "Documento d'ordine allegato all'opportunità",
    "Campi obbligatori collegati al modulo web",
    "Trattativa marcata come vinta",
    "Cliente creato nella rubrica",
    "Compilati: settore e fatturato annuo",
])
def test_a_participle_of_a_step_closes_a_checklist_item(text):
    assert grade(text, lang="it").activity is True, text


@pytest.mark.parametrize("text", [
    "Budget degli eventi approvato dal direttore",
    "Progetto selezionato dalla giuria del premio",
    "Contratto quadro firmato con il grossista",
    "Clienti attivati sul portale",
    "30 lead qualificati dal marketing",
])
def test_a_state_reached_or_what_others_did_stays_an_outcome(text):
    assert grade(text, lang="it").activity is False, text


def test_step_participle_leaves_out_changes_states_and_frequent_words():
    lexicon = load_lexicon("it")
    assert step_participle("assegnato", lexicon)
    assert step_participle("collegati", lexicon)
    assert not step_participle("approvato", lexicon)  # a state reached
    assert not step_participle("aumentato", lexicon)  # a change
    assert not step_participle("ottimizzato", lexicon)  # a vague verb
    assert not step_participle("mercato", lexicon)  # a frequent word
    assert not step_participle("definito", lexicon)  # -ito: a done state of its own list


@pytest.mark.parametrize("text", [
    "assicurarsi che ogni offerta abbia un referente",
    "accertarsi che i contatti abbiano il consenso",
    "occuparsi dei rinnovi in scadenza",
])
def test_a_reflexive_infinitive_before_che_or_a_link_is_a_task(text):
    assert grade(text, lang="it").activity is True, text


def test_a_reflexive_infinitive_of_a_state_is_no_task():
    assert grade("Posizionarsi come leader nel software gestionale", lang="it").activity is False


@pytest.mark.parametrize("text", [
    "Analisi competitor",
    "analisi periodica",
    "gestione lead inbound",
    "verifica pipeline partner",
    "Raccolta feedback post-webinar",
    "prima qualifica marketing (MQL/non MQL)",
    "Trattativa marcata come persa",
])
def test_short_italian_fragments_of_loan_words_are_italian(text):
    assert detect_language(text) == "it", text
    assert grade(text).activity is True, text


@pytest.mark.parametrize("text", [
    "Improve data quality in the CRM",
    "Expand into Latin America by Q3",
    "Run a crisis analysis for the board",
    "Publish the metadata spec",
    "Pipeline review every Monday",
])
def test_english_stays_english(text):
    assert detect_language(text) == "en", text


@pytest.mark.parametrize("text", [
    "Aggiornamento della scheda partner (SOP-CRM-02)",
    "Invio del preventivo, vedi sezione 5.1",
    "Caricamento del contratto firmato (allegato 4)",
    "Controllo del listino secondo il paragrafo 3.2",
    "Compilazione del modulo di reso come da procedura PR-11",
])
def test_references_and_codes_are_no_quantity(text):
    a = grade(text, lang="it")
    assert a.kind == "objective", text
    assert a.criteria["measurable"].verdict == "missing", text
    assert not read(text, lang="it").quantities, text


@pytest.mark.parametrize("text", [
    "Invio di 4 preventivi a settimana",
    "Aggiornamento di 40 schede partner nel CRM",
    "EBITDA al 10% entro fine anno",
])
def test_a_count_in_a_step_is_still_a_quantity(text):
    assert grade(text, lang="it").kind == "key_result", text


@pytest.mark.parametrize("text, expected", [
    ("Publish 5 customer stories", True),
    ("Revenue playbook documented", True),
    ("Grow qualified pipeline by 20%", False),
])
def test_english_is_read_as_before(text, expected):
    assert grade(text, lang="en").activity is expected, text
