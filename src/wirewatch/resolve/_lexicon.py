"""Word lists the resolver reads: institution nouns, person titles, role nouns and pronouns."""

from __future__ import annotations

__all__ = ["GROUP_SECTOR", "INSTITUTION_SECTOR", "PLACED_GROUP_SECTORS", "PRONOUNS", "ROLE_NOUNS", "TITLE_SECTOR"]

#: A demonym or country followed by one of these heads names an institution of that country.
INSTITUTION_SECTOR: dict[str, str] = {
    "government": "GOV", "ministry": "GOV", "cabinet": "GOV", "administration": "GOV", "regime": "GOV",
    "authorities": "GOV", "officials": "GOV", "leadership": "GOV", "presidency": "GOV", "embassy": "GOV",
    "diplomats": "GOV", "delegation": "GOV", "side": "GOV", "council": "GOV", "state": "GOV",
    "military": "MIL", "army": "MIL", "forces": "MIL", "troops": "MIL", "navy": "MIL", "soldiers": "MIL",
    "warplanes": "MIL", "jets": "MIL", "artillery": "MIL", "aircraft": "MIL", "air force": "MIL",
    "tanks": "MIL", "warships": "MIL", "gunboats": "MIL", "helicopters": "MIL", "bombers": "MIL", "planes": "MIL",
    "fighter jets": "MIL", "marines": "MIL", "paratroopers": "MIL", "commandos": "MIL", "units": "MIL",
    "guerrillas": "REB", "fighters": "REB", "militiamen": "REB", "militia": "REB", "gunmen": "REB",
    "defence ministry": "MIL", "defense ministry": "MIL", "armed forces": "MIL", "military forces": "MIL",
    "intelligence": "SPY", "military intelligence": "SPY", "defense intelligence": "SPY",
    "defence intelligence": "SPY", "intelligence services": "SPY", "security services": "SPY", "spies": "SPY",
    "police": "COP", "border guards": "COP",
    "parliament": "LEG", "lawmakers": "LEG", "legislators": "LEG", "legislature": "LEG", "senate": "LEG",
    "courts": "JUD", "court": "JUD", "judiciary": "JUD", "prosecutors": "JUD",
    "opposition": "OPP", "rebels": "REB", "militants": "REB", "insurgents": "REB", "separatists": "REB",
    "media": "MED", "state media": "MED", "press": "MED", "companies": "BUS", "firms": "BUS",
    "guerillas": "REB", "rebel group": "REB", "opposition groups": "OPP", "opposition parties": "OPP",
    "demonstrators": "CVL", "protesters": "CVL", "protestors": "CVL", "civilians": "CVL", "villagers": "CVL",
    "residents": "CVL", "farmers": "CVL", "activists": "CVL", "students": "EDU", "teachers": "EDU",
    "workers": "LAB", "unions": "LAB", "trade unions": "LAB", "refugees": "REF", "asylum seekers": "REF",
}

#: Nouns for a group of people that a people, faith or region may name ("Ogaden rebels", "Ijaw elders"), one or two
#: words, and the group's sector (None where the noun says nothing of it: "leaders", "groups").
GROUP_SECTOR: dict[str, str | None] = {
    "rebels": "REB", "militants": "REB", "guerrillas": "REB", "guerillas": "REB", "insurgents": "REB",
    "fundamentalists": "REB", "extremists": "REB", "separatists": "REB", "secessionists": "REB",
    "radicals": "REB", "jihadists": "REB", "fighters": "REB", "militia": "REB", "militias": "REB",
    "militiamen": "REB", "gunmen": "REB", "forces": "REB", "paramilitaries": "REB", "rebel group": "REB",
    "rebel groups": "REB", "armed group": "REB", "armed groups": "REB", "militant group": "REB",
    "militant groups": "REB", "terror group": "REB", "terrorist group": "REB", "guerrilla group": "REB",
    "separatist group": "REB", "separatist movement": "REB", "rebel movement": "REB",
    "demonstrators": "CVL", "protesters": "CVL", "protestors": "CVL", "activists": "CVL", "civilians": "CVL",
    "villagers": "CVL", "residents": "CVL", "inhabitants": "CVL", "tribesmen": "CVL", "tribes": "CVL",
    "clans": "CVL", "settlers": "CVL", "elders": "CVL", "chiefs": "CVL", "rioters": "CVL", "mobs": "CVL",
    "hackers": "CVL", "prisoners": "CVL", "detainees": "CVL", "inmates": "CVL", "pilgrims": "CVL",
    "worshippers": "CVL", "youths": "CVL", "minority": "CVL", "minorities": "CVL", "population": "CVL",
    "community": "CVL", "communities": "CVL", "families": "CVL",
    "refugees": "REF", "exiles": "REF", "asylum seekers": "REF",
    "students": "EDU", "workers": "LAB", "unions": "LAB", "trade unions": "LAB", "strikers": "LAB",
    "opposition": "OPP", "opposition parties": "OPP", "opposition groups": "OPP", "dissidents": "OPP",
    "parties": None, "rights group": "NGO", "rights groups": "NGO", "human rights group": "NGO",
    "human rights groups": "NGO", "aid group": "NGO", "aid groups": "NGO",
    "leaders": None, "politicians": None, "clerics": None, "groups": None, "group": None, "people": None,
    "leadership": None, "movement": None,
}

#: Sectors of a group that a place in its own phrase is enough to name ("rebels in Cameroon", "a militant
#: group based in Somalia", "opposition parties in Togo"); "leaders of Iran" stay the state's.
PLACED_GROUP_SECTORS = frozenset({"REB", "CVL", "REF", "EDU", "LAB", "OPP", "NGO"})

#: Words in a person's title or apposition, and the sector they give.
TITLE_SECTOR: dict[str, str] = {
    "president": "GOV", "premier": "GOV", "prime": "GOV", "minister": "GOV", "chancellor": "GOV",
    "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV", "ambassador": "GOV", "envoy": "GOV",
    "diplomat": "GOV", "secretary": "GOV", "undersecretary": "GOV", "official": "GOV", "king": "GOV",
    "emir": "GOV", "leader": "GOV", "governor": "GOV", "mayor": "GOV", "aide": "GOV", "adviser": "GOV",
    "advisor": "GOV", "representative": "GOV", "consul": "GOV", "foreign": "GOV",
    "defence": "MIL", "defense": "MIL", "general": "MIL", "brigadier": "MIL", "commander": "MIL",
    "admiral": "MIL", "colonel": "MIL", "major": "MIL", "lieutenant": "MIL", "marshal": "MIL",
    "military": "MIL", "army": "MIL", "intelligence": "SPY", "spy": "SPY", "police": "COP",
    "lawmaker": "LEG", "legislator": "LEG", "senator": "LEG", "congressman": "LEG", "congresswoman": "LEG",
    "mp": "LEG", "deputy": "GOV", "speaker": "LEG", "duma": "LEG", "parliament": "LEG", "judge": "JUD",
    "prosecutor": "JUD", "justice": "JUD", "rebel": "REB", "militant": "REB", "journalist": "MED",
    "editor": "MED", "correspondent": "MED", "executive": "BUS", "ceo": "BUS", "chairman": "BUS",
    "ayatollah": "GOV", "prince": "GOV", "sheikh": "GOV", "crown": "GOV", "queen": "GOV", "sultan": "GOV",
    "chief": "GOV", "head": "GOV", "director": "GOV", "force": "MIL", "forces": "MIL", "navy": "MIL",
    "committee": "LEG", "senate": "LEG", "congress": "LEG", "knesset": "LEG", "majlis": "LEG",
}

#: Role nouns that refer back to a person mentioned earlier ("the US official", "the consultant").
ROLE_NOUNS: dict[str, frozenset[str]] = {
    "official": frozenset({"official", "minister", "secretary", "adviser", "advisor", "spokesman", "president",
                           "ambassador", "envoy", "diplomat", "aide", "representative", "undersecretary"}),
    "minister": frozenset({"minister"}),
    "president": frozenset({"president"}),
    "spokesman": frozenset({"spokesman", "spokesperson", "spokeswoman"}),
    "spokeswoman": frozenset({"spokesman", "spokesperson", "spokeswoman"}),
    "spokesperson": frozenset({"spokesman", "spokesperson", "spokeswoman"}),
    "diplomat": frozenset({"diplomat", "ambassador", "envoy", "minister", "undersecretary", "secretary"}),
    "ayatollah": frozenset({"ayatollah", "leader", "supreme"}),
    "chief": frozenset({"chief", "head", "director", "secretary", "commander", "leader"}),
    "ambassador": frozenset({"ambassador", "envoy"}),
    "envoy": frozenset({"envoy", "ambassador", "representative"}),
    "consultant": frozenset({"consultant", "adviser", "advisor", "analyst", "expert"}),
    "adviser": frozenset({"adviser", "advisor", "consultant"}),
    "advisor": frozenset({"adviser", "advisor", "consultant"}),
    "analyst": frozenset({"analyst", "expert", "consultant", "adviser", "advisor", "economist"}),
    "expert": frozenset({"expert", "analyst", "consultant", "adviser", "advisor"}),
    "general": frozenset({"general", "commander", "brigadier"}),
    "commander": frozenset({"commander", "general", "brigadier"}),
    "leader": frozenset({"leader", "president", "minister", "chancellor", "king"}),
    "chancellor": frozenset({"chancellor"}),
    "premier": frozenset({"premier", "minister"}),
    "counterpart": frozenset(),
}

#: Pronouns and what they can refer to: "person", "group" (a state, organisation, institution) or "any".
PRONOUNS: dict[str, str] = {
    "he": "person", "she": "person", "him": "person", "her": "person", "his": "person",
    "it": "group", "its": "group", "they": "any", "them": "any", "their": "any",
}
