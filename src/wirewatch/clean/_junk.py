"""What counts as junk in a scraped article: one predicate per kind, each paragraph judged on its own.

Reasons a paragraph is dropped (the ``Removed.reason`` values)::

    see-also     a link to another story: "See also …", "Read more: …", "Related: …"
    caption      an image caption: "… in Moscow (Reuters).", "Photo: …", "… Image credit: …"
    reply-box    the comment form: "Leave a Reply", "Your email address will not be published …"
    share-box    social and print buttons: "Share this:", "Share on Facebook", "Print this article"
    newsletter   "Subscribe to our newsletter", "Follow us on …"
    navigation   "Post navigation", "Previous article …", "Tags: …"
    footer       "Copyright © …", "All rights reserved", "This copy is for your personal use only"
    credit       who else worked on the story: "(Reporting by …; Editing by …)", "X contributed to this report",
                 "SOURCE: News agencies"
    byline       who wrote it, on a line of its own: "By Jane Roe", "By JANE ROE and Tom Fields, Reuters"
    contact      how to reach the author: "Have a tip? …", "Email X at x@example.org", "Follow her on Twitter @x"
    timestamp    a line that only dates the page: "Updated at 1:23 p.m.", "November 20, 2019 - 11:28 AMT"
    advert       "Advertisement", "Story continues below advertisement"
    cookie       a cookie notice: "We use cookies …", "Accept all cookies"
    heading      a stray section heading: a short paragraph without final punctuation
    title        the article's title, found as its first heading-like paragraph

The box rules match only short, fixed phrases, so a real sentence that starts with the same word
("Share prices fell …", "Comments by the minister …") is never taken for one.
"""

from __future__ import annotations

import re

__all__ = ["is_caption", "is_heading", "junk_reason", "line_junk_reason", "sentence_count"]

_BOX_MAX_WORDS = 25
_CAPTION_MAX_WORDS = 60

_SEE_ALSO = re.compile(
    r"\[?(?:see\s+also|read\s+also|also\s+read|read\s+more|see\s+more|more\s+on\s+this(?:\s+story)?"
    r"|related\s+(?:articles?|stories|content|news|coverage|posts?|reading|links|videos?)"
    r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)(?:\.\.\.|…)?"
    r"|recommended\s+(?:for\s+you|stories|articles|reading|videos)|don[’']t\s+miss|must\s+read"
    r"|most\s+(?:read|popular|viewed|shared)(?:\s+(?:in|on|from)\s+[\w ]{1,30})?"
    r"|(?:more|latest|top)\s+(?:stories|news|headlines|videos)(?:\s+(?:from|in|on)\s+[\w ]{1,30})?"
    r"|trending(?:\s+now)?|editor[’']?s\s+picks?|related|recommended|more|also|watch|listen)"
    r"(?:\s*:|\s|$)",
    re.IGNORECASE,
)
# These start real sentences too ("More than 200 …", "Trending downwards, …"): they need a colon, or to
# stand alone as a heading.
_SEE_ALSO_NEEDS_COLON = re.compile(
    r"\[?(?:related|recommended|more|also|watch|listen|trending(?:\s+now)?|must\s+read"
    r"|most\s+(?:read|popular|viewed|shared)(?:\s+(?:in|on|from)\s+[\w ]{1,30})?"
    r"|(?:more|latest|top)\s+(?:stories|news|headlines|videos)(?:\s+(?:from|in|on)\s+[\w ]{1,30})?)\s",
    re.IGNORECASE,
)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: A date or a time of day, as a page prints it: "Nov. 20, 2019", "20 November 2019", "11/19/2019", "1:23 p.m. EST".
_WHEN = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?(?:\s+\d{4})?"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+(?-i:[A-Z]{2,4}))?|\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+(?-i:[A-Z]{2,4}))?)?"
)

_STAMP = r"(?:(?:updated|published|posted|last\s+(?:updated|modified))\s*(?:at|on|:)?\s*)?" + _WHEN

#: A person's name as a byline prints it: one to four capitalised words ("Jane Roe", "JANE ROE", "J. R. Roe").
_NAME = r"(?-i:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|(?:de|van|von|al|bin|el)))*?\s+[A-Z][\w.'’-]+)"

_BOXES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        (
            "reply-box",
            r"leave\s+a\s+(?:reply|comment)\b.*|(?:post|add|write)\s+a\s+comment\b.*|cancel\s+reply"
            r"|your\s+email\s+address\s+will\s+not\s+be\s+published\b.*|required\s+fields\s+are\s+marked\b.*"
            r"|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment\b.*|(?:\d+\s+)?comments?(?:\s*\(\d+\))?\s*:?"
            r"|join\s+the\s+(?:conversation|discussion)\b.*|report\s+abuse",
        ),
        (
            "share-box",
            r"share(?:\s+this(?:\s+(?:article|story|post|page))?\s*:?.*|\s*:.*"
            r"|\s+(?:on|via)\s+(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|e-?mail)\b.*)?"
            r"|click\s+to\s+(?:share|email|print)\b.*|like\s+this\s*:?|like\s+loading\W*"
            r"|(?:like|enjoy(?:ed)?|love)\s+this\s+(?:story|article|post)\?\s*share\b.*|.*\bclick\s+to\s+tweet"
            r"|(?:tweet|e-?mail|print)\s+this(?:\s+(?:article|story|page))?\W*"
            r"|(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|e-?mail|print|messenger"
            r"|copy\s+link|share|tweet)[\s,|/·•]*)+",
        ),
        (
            "newsletter",
            r"subscribe(?:\s+now)?\W*|subscribe\s+to\s+(?:our|the)\b.*"
            r"|sign\s+up\b.*\b(?:newsletters?|updates|alerts|e-?mails?|inbox|briefing|digest)\b.*"
            r"|follow\s+us\s+on\b.*|download\s+(?:our|the)\s+app\b.*|get\s+the\s+latest\b.*\binbox\b.*"
            r"|(?:get|start)\b.*\b(?:delivered|straight|right)\s+(?:to|in)\s+your\s+inbox\b.*"
            r"|.*\bsign\s+up\b.*\bnewsletters?\b.*|.*\bsubscribe\b.*\bnewsletters?\b.*|.*\bnewsletters?\b.*\bsign\s+up\b.*"
            r"|if\s+you\s+(?:enjoyed|liked|value)\s+this\s+(?:article|story|journalism)\b.*"
            r"|.*\bfollow\s+[\w .@’'-]{1,40}\s+on\s+"
            r"(?:twitter|x|facebook|instagram|tiktok|threads|linkedin|youtube)\b.*",
        ),
        (
            "navigation",
            r"post\s+navigation|(?:previous|prev|next)\s+(?:article|post|story|page)\b.*|tags?\s*:.*|tags"
            r"|\d+\s+min(?:ute)?s?\s+read|(?:estimated\s+)?reading\s+time\s*:.*"
            r"|categor(?:y|ies)\s*:.*|filed\s+under\b.*|topics?\s*:.*|back\s+to\s+top\W*",
        ),
        (
            "footer",
            r"copyright\s*(?:©|\(c\)).*|©.*|copyright\s+(?:\d{4}|by)\b.*|.*\ball\s+rights\s+reserved\W*"
            r"|(?:terms\s+of\s+(?:use|service)|privacy\s+policy|cookie\s+(?:policy|settings))\W*"
            r"|this\s+(?:copy|material|article)\s+is\s+for\s+your\s+personal\b.*"
            r"|.*\bmay\s+not\s+be\s+(?:published|reproduced|redistributed)\b.*\b(?:broadcast|rewritten|redistributed|permission)\b.*",
        ),
        (
            "credit",
            r"\(?(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|research)\s+by\b.*"
            r"|.*\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\b.*"
            r"|(?:source|sources|with\s+(?:agencies|wires))\s*:\s*[^.!?]{1,60}|[-—–(]*\s*(?:with\s+)?(?:agencies|wires)\s*\)?",
        ),
        (
            "byline",
            r"by\s+" + _NAME + r"(?:\s*(?:,|\band\b|&)\s*" + _NAME + r")*(?:\s*[,|/–—-]\s*[\w .]{1,40})?\W*",
        ),
        (
            "contact",
            r"have\s+a\s+(?:news\s+)?tip\b.*|.*\b(?:can|may)\s+be\s+(?:reached|contacted)\s+at\b.*"
            r"|(?:e-?mail|contact|reach)\s+(?:the\s+)?(?:\w+\s+){0,3}at\s+\S+@\S+.*|reach\s+the\s+reporters?\b.*"
            r"|\S+@\S+\.\w+|(?:https?://)?(?:www\.)?(?:twitter|x)\.com/\w+",
        ),
        (
            "advert",
            r"advertisement|(?:story|article)\s+continues\s+(?:below|after)\b.*|continue\s+reading\s+below\W*"
            r"|sponsored(?:\s+content)?|ad(?:vertisement)?\s*[-–:]?\s*scroll\s+to\s+continue\b.*",
        ),
        (
            "cookie",
            r".*\b(?:we|this\s+(?:web)?site)\s+uses?\s+cookies\b.*|.*\buse\s+of\s+cookies\b.*"
            r"|(?:accept|reject|manage)\s+(?:all\s+)?cookies\W*|.*\bcookie\s+(?:notice|consent|preferences)\b.*",
        ),
        (
            "timestamp",
            _STAMP
            + r"(?:\s*[-|,·•]?\s*"
            + _STAMP
            + r")*(?:\s+by\s+(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}))?\W*",
        ),
    )
)

_CAPTION_PREFIX = re.compile(
    r"(?:file\s+photo\b|photo(?:graph)?\s+by\b"
    r"|(?:photo(?:graph)?|image|picture|pictured|caption)(?:\s+credits?)?\s*[:|])",
    re.IGNORECASE,
)
_CAPTION_SUFFIX = re.compile(
    r"(?:^|[\s.|,;–—-])(?:(?:photo(?:graph)?|image|picture)(?:\s+credits?)?|credits?)\s*:\s*"
    r"(?P<credit>(?-i:[A-Z])[^:.!?]{0,60}?)\.?$",
    re.IGNORECASE,
)
_CREDIT_TAIL = re.compile(r"\((?P<credit>[^()]{1,80})\)\s*\.?$")
_AGENCIES = (
    "ABNA", "AFP", "ANSA", "AP", "Al Arabiya", "Al Jazeera", "Alamy", "Anadolu", "Associated Press",
    "Bernama", "Bloomberg", "EPA", "Fars", "Getty", "IANS", "IRIB", "IRNA", "ISNA", "Interfax", "KCNA",
    "Kyodo", "Mehr", "NurPhoto", "PA", "PTI", "Press TV", "RIA", "RIA Novosti", "Reuters", "SANA",
    "Sepah News", "Shutterstock", "Sipa", "Sputnik", "TASS", "Tasnim", "Ukrinform", "WAFA", "WANA",
    "Xinhua", "Yonhap", "ZUMA", "dpa",
)  # fmt: skip
_AGENCY = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in _AGENCIES) + r")\b")
# Photo words count at the start of the parenthesis only: "(Photo: Reuters)", not "(in Photo mode)".
_CREDIT_WORD = re.compile(
    r"^(?:photo\w*|image\w*|pictures?|credits?|file|archive|handout|pool|screenshot|screen\s*grab)\b"
    r"|\b(?:government\s+of|press\s+(?:service|office)|via|getty|social\s+media|courtesy"
    r"|(?:file|archive|handout|pool|stock)\s+(?:photo|image|picture)s?)\b",
    re.IGNORECASE,
)
_NAME_SLASH = re.compile(r"[A-Za-z]\s*/\s*[A-Z]")
_ACRONYM = re.compile(r"[A-Z][A-Za-z&.-]{1,11}")
_SMALL_WORDS = frozenset(("of", "the", "and", "for", "de", "al", "la", "el", "du", "des", "in", "on", "a"))
# A credit-like parenthesis right after these words glosses a name just given ("the news agency (IRNA)").
_GLOSSED_AFTER = frozenset({"agency", "agencies", "outlet", "broadcaster", "channel", "newspaper", "wire"})

_TERMINAL = re.compile(r"[.!?:;…。！？؟।][\"'”’»)\]」』]*$")
_LIST_ITEM = re.compile(r"[-–•*·▪]\s|\d{1,3}[.)]\s")
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "sgt", "capt", "cmdr", "adm", "sen", "rep",
    "gov", "pres", "prof", "jr", "sr", "no", "vol", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "u.s", "u.k", "u.n",
    "e.g", "i.e", "a.m", "p.m",
))  # fmt: skip


def junk_reason(paragraph: str) -> str | None:
    """The reason a paragraph is boilerplate (see the module docstring), or None when it is body text."""
    if _is_see_also(paragraph):
        return "see-also"
    if is_caption(paragraph):
        return "caption"
    return _box_reason(paragraph)


def line_junk_reason(line: str) -> str | None:
    """The reason one line inside a hard-wrapped block is junk on its own, judged without the block.

    A parenthesised credit is not enough here: a wrapped sentence may end a line with "(Reuters)." too.
    """
    if _is_see_also(line):
        return "see-also"
    if len(line.split()) <= _CAPTION_MAX_WORDS and _credit_prefix_or_suffix(line):
        return "caption"
    return _box_reason(line)


def _is_see_also(paragraph: str) -> bool:
    match = _SEE_ALSO.match(paragraph)
    if match is None:
        return False
    return not _SEE_ALSO_NEEDS_COLON.fullmatch(match.group(0))


def _box_reason(paragraph: str) -> str | None:
    if len(paragraph.split()) > _BOX_MAX_WORDS:
        return None
    for reason, pattern in _BOXES:
        if pattern.fullmatch(paragraph.strip()):
            return reason
    return None


def is_caption(paragraph: str) -> bool:
    """An image caption: a photo-credit prefix or suffix, or one sentence ending in a parenthesised credit."""
    if len(paragraph.split()) > _CAPTION_MAX_WORDS:
        return False
    if _credit_prefix_or_suffix(paragraph):
        return True
    tail = _CREDIT_TAIL.search(paragraph)
    if tail is None or not _is_credit(tail.group("credit")):
        return False
    before = paragraph[: tail.start()]
    return not _glosses(tail.group("credit"), before) and sentence_count(paragraph) == 1


def _credit_prefix_or_suffix(paragraph: str) -> bool:
    """Whether a paragraph starts "Photo: …" or ends "… Photo: Reuters" or "… Image credit: X", or is a
    photographer's credit on its own ("Ivan Petrov/POOL/AFP")."""
    if _CAPTION_PREFIX.match(paragraph) or _slash_credit(paragraph):
        return True
    suffix = _CAPTION_SUFFIX.search(paragraph)
    return suffix is not None and len(suffix.group("credit").split()) <= 6


def _slash_credit(paragraph: str) -> bool:
    """ "Ivan Petrov/POOL/AFP", "Jane Roe / Reuters": a name, then slashes and an agency or a pool."""
    pieces = [p.strip() for p in paragraph.strip().rstrip(".").split("/")]
    if not 2 <= len(pieces) <= 4 or len(paragraph.split()) > 8 or not _BYLINE_NAME.fullmatch(pieces[0]):
        return False
    return all(_AGENCY.fullmatch(p) or _CREDIT_WORD.match(p) for p in pieces[1:])


_BYLINE_NAME = re.compile(_NAME)


def _is_credit(text: str) -> bool:
    """Whether a parenthesis names a photo source: an agency, a press service, a handout …"""
    text = text.strip()
    return bool(_AGENCY.search(text) or _CREDIT_WORD.search(text) or _NAME_SLASH.search(text))


def _glosses(credit: str, before: str) -> bool:
    """Whether the parenthesis abbreviates or names what the words right before it say, as body text does."""
    words = re.findall(r"[^\W\d_]+", before)
    if words and words[-1].lower() in _GLOSSED_AFTER:
        return True
    if not _ACRONYM.fullmatch(credit.strip()) or sum(c.isupper() for c in credit) < 2:
        return False
    letters = "".join(c for c in credit if c.isalpha()).upper()
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS).upper()
    return every.endswith(letters) or content.endswith(letters)


def is_heading(paragraph: str, *, max_words: int) -> bool:
    """A heading-like paragraph: at most ``max_words`` words, no final punctuation, not a list item."""
    if len(paragraph.split()) > max_words or _LIST_ITEM.match(paragraph):
        return False
    return _TERMINAL.search(paragraph) is None


def sentence_count(paragraph: str) -> int:
    """How many sentences a paragraph holds, not splitting after common abbreviations and initials."""
    count = 1
    for match in _BOUNDARY.finditer(paragraph):
        word = paragraph[: match.start()].split()[-1].strip("\"'“”‘’«»()[]").rstrip(".").lower()
        if len(word) > 1 and word not in _ABBREVIATIONS:
            count += 1
    return count
