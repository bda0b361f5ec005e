"""The event coder's vocabulary: the word lists and code tables its rules read."""

from __future__ import annotations

from ._lexicon import Trigger, inflections

CODER_NAME = "plover.rules.v2"
#: The name on events whose type the classifier chose (the hybrid coder's statistical half).
LEARNED_CODER = "plover.classifier.v1"

LIGHT_VERBS = frozenset({"convey", "conveyed", "conveys", "announce", "announced", "began", "begin", "carried",
                          "carry", "complete", "completed",
                          "conclude", "concluded", "conduct", "conducted", "continue", "continued", "continues",
                          "continuing", "declare", "declared", "deliver",
                          "delivered", "express", "expressed", "expressing", "gave", "give", "given", "had", "has",
                          "have", "held", "hold", "holding", "holds", "host", "hosted", "impose", "imposed",
                          "issue", "issued", "issues", "launch", "launched", "level", "leveled", "levelled",
                          "made", "make", "offer", "offered", "open", "opened", "paid", "pay", "placed", "pledge",
                          "pledged", "present", "presented", "put", "reaffirm", "reaffirmed", "reiterate",
                          "reiterated", "remain", "remained", "renew", "renewed", "resume", "resumed", "sign",
                          "signed", "stage", "staged", "start", "started", "undertake", "undertaken", "undertook",
                          "voice", "voiced"})

TOPIC_OBJECT = frozenset(
    form for verb in ("discuss", "negotiate", "talk", "agree", "propose", "sign", "conclude", "ink", "ratify",
                      "exchange", "share", "provide", "supply", "deliver", "send", "ship", "transfer", "sell",
                      "donate", "offer", "hold", "have", "conduct", "launch", "carry", "impose", "fire", "express")
    for form in inflections(verb)
)
NO_OBJECT = frozenset({"-"})
ACTOR_OBJECT = frozenset({"@"})
STRIKES = frozenset({"strike", "strikes"})
STAGING = frozenset({"stage", "staged", "staging", "stages", "hold", "held", "holding", "holds", "begin", "began",
                      "begun", "start", "started", "continue", "continued", "continuing", "called", "call"})
LABOUR_STRIKE = Trigger("N", "strike", None, "PROTEST", "boycott", "143", frozenset({"against", "over"}))
PROMISING = frozenset(form for verb in ("offer", "pledge", "promise") for form in inflections(verb))
#: The CAMEO 03 code of a promise, by the type of what is promised (aid, a meeting, mediation).
PROMISE_CODES = {"AID": "033", "CONSULT": "036", "COOPERATE": "031", "RETREAT": "035", "CONCEDE": "035"}
NATURE = frozenset({"earthquake", "quake", "typhoon", "hurricane", "cyclone", "storm", "storms", "flood", "floods",
                     "flooding", "tsunami", "wildfire", "wildfires", "fire", "drought", "landslide", "avalanche",
                     "epidemic", "pandemic", "outbreak", "virus", "heatwave", "tornado", "eruption", "blizzard"})
EXERCISES = frozenset({"exercises", "exercise", "drills", "drill", "maneuvers", "manoeuvres", "games", "wargames"})
#: Words the parser may take for prepositions that still make a phrasal verb ("forced them out of").
ADVERBIAL_PARTICLES = frozenset({"out", "off", "up", "down", "back", "away"})
CROWDS = frozenset({"protesters", "demonstrators", "people", "thousands", "hundreds", "residents", "activists",
                     "students", "crowds", "workers", "supporters", "opponents", "prisoners", "inmates",
                     "detainees", "villagers", "youths", "women", "farmers", "traders", "drivers"})
INTENT_HEADS = frozenset({"plan", "plans", "planned", "ready", "willing", "prepared", "going", "due",
                           "set", "poised", "determined", "decision", "agreement", "pledge", "promise"})
RAISING = frozenset({"set", "expected", "scheduled", "slated", "due", "poised", "tipped", "likely", "supposed",
                      "said", "believed", "thought", "reported", "alleged", "understood", "rumoured", "rumored",
                      "suspected", "known"})
#: Verbs whose object names the act they order: "ordered the release of", "authorised air strikes on".
ORDERING = frozenset(form for verb in ("order", "authorise", "authorize") for form in inflections(verb))
PARTITIVES = frozenset({"some", "part", "most", "all", "half", "many", "several", "rest", "remainder", "bulk",
                         "majority", "none", "third", "quarter", "few", "dozens", "hundreds", "thousands"})
COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"})
SUBORDINATE = frozenset({"acl", "relcl", "advcl", "xcomp", "pcomp", "amod"})
LOCATIVE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: The CAMEO code of an intent to yield, by the mode of the act intended (release, ease, withdraw).
YIELD_INTENT = {"release": "0353", "ease": "0354", "withdraw": "0356", "disarm": "0356", "ceasefire": "0356",
                 "access": "0355", "resign": "0341"}
SYMMETRIC = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AGREE"})
#: The CAMEO code of each PLOVER type when no mode is known (the crosswalk's plain row; ACCUSE has none).
PLAIN_CODES = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
                "CONCEDE": "080", "RETREAT": "0813", "REQUEST": "100", "ACCUSE": "111", "REJECT": "120",
                "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170",
                "ASSAULT": "180"}
LEARNED_PREPS = frozenset({"with", "against", "to", "on", "for", "from", "into", "at", "over"})
#: Announced conflictual acts and the THREATEN mode and CAMEO code they are coded as.
FUTURE_TO_THREAT = {"SANCTION": ("relations", "1311"), "COERCE": ("restrict", "1312"),
                     "PROTEST": (None, "130"), "ASSAULT": ("violence", "138")}
ANSWERS = frozenset({"REJECT", "CONCEDE", "AGREE", "SUPPORT", "ACCUSE"})
TAKING_PART = frozenset({"during", "in", "on", "at", "for", "under"})
AIMED_BY_CLAUSE = frozenset({"PROTEST", "REQUEST", "ACCUSE"})
CROWD_TARGETED = frozenset({"COERCE", "ASSAULT"})
DOMESTIC_PLACED = frozenset({"COERCE", "CONCEDE", "PROTEST", "MOBILIZE", "RETREAT"})
#: Subjects that name an attack or its weapon, not a doer: "a car bomb wounded …", "the blast wounded …".
DEVICES = frozenset({"bomb", "bombs", "bombing", "bombings", "explosion", "explosions", "blast", "blasts", "attack",
                      "attacks", "device", "devices", "mine", "mines", "landmine", "rocket", "rockets", "shell",
                      "shells", "shelling", "strike", "strikes", "airstrike", "airstrikes", "gunfire", "mortar",
                      "mortars", "missile", "missiles", "grenade", "grenades", "ambush", "raid", "drone", "drones",
                      "bomber", "bombers", "gunmen", "assailants", "attackers", "sniper", "snipers"})
PLACE_ACTED = frozenset({"COERCE", "ASSAULT", "RETREAT"})
RECEIVING = frozenset(form for verb in ("receive", "obtain") for form in inflections(verb))
FAILING = frozenset(form for verb in ("fail", "refuse", "decline") for form in inflections(verb))
REFUSABLE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
DOMESTIC = frozenset({"COERCE", "ASSAULT", "MOBILIZE", "PROTEST", "ACCUSE", "REQUEST", "REJECT", "CONCEDE"})
#: Heads whose complement is an act only intended, demanded, refused or threatened: "threatened to impose
#: sanctions" is one THREATEN event, not also a SANCTION.
EMBEDDING = frozenset({"THREATEN", "REQUEST", "REJECT", "AGREE"})

FORCES = frozenset({"troops", "forces", "soldiers", "peacekeepers", "contingent", "units", "battalion", "brigade",
                     "deployment", "marines", "paratroopers", "warships", "ships", "jets", "aircraft", "tanks"})
PEACEKEEPING = frozenset({"peacekeeping", "peacekeepers", "peacekeeper", "monitors", "observers", "stabilization",
                           "stabilisation"})
