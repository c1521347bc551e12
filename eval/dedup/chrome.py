"""How outlets dress up a syndicated story: invented sites, chrome, captions, headline styles.

All text here is our own writing, modelled on the kinds of chrome real pages
carry (menus, photo captions, newsletter and comment blurbs, related links,
credit lines); no site's actual wording is copied.
"""

from __future__ import annotations

import random
import re
from html import escape
from typing import Any

WIRE = ("wire.example", "Wire Service")
BROADCASTER = ("broadcast.example", "National Broadcaster")
SITES = [
    ("dailyglobe.example", "The Daily Globe"), ("metro-herald.example", "Metro Herald"),
    ("news-now.example", "NewsNow24"), ("capitalpost.example", "Capital Post"),
    ("thetribune.example", "The Tribune"), ("markets-live.example", "Markets Live"),
    ("eveningstar.example", "Evening Star"), ("coastnews.example", "Coast News"),
    ("m.pocketnews.example", "Pocket News"), ("amp.fastwire.example", "FastWire"),
]
MENUS = [
    "Home | News | World | Business | Sport | Culture",
    "News · Business · Markets · Opinion · Video",
    "Multimedia · Photo Galleries · Send us your stories",
    "Menu", "Skip to content", "Advertisement",
]
NEWSLETTER = [
    "Sign up for our morning briefing and get the top stories in your inbox.",
    "KEEP UPDATED with the day's news: subscribe to our free newsletter.",
    "Get our app for breaking news alerts on your phone.",
]
COMMENTS = [
    "Join the conversation! Comments are moderated and may take a while to appear.",
    "Read our community guidelines before you post.",
    "We reserve the right to remove comments that break our rules.",
]
TEASER_TAILS = [
    "Read the full story at {site}.", "Continue reading on {site}", "Click here to read more.",
    "This is a preview of a story for subscribers.",
]
CAPTION_TEMPLATES = [
    "{e} pictured in a file photo.", "A view of the {e} offices on {day}.",
    "{e} speaks during a news conference on {day}.", "File photo: {e}",
    "People walk past a branch of {e} on {day}. (Photo: Staff)",
    "{e} at an event earlier this year.",
]
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
EDITOR_NOTES = [
    "This story has been updated with additional details.",
    "{site_e} has asked {e} for comment and will update this article.",
    "Additional reporting by our correspondent.",
    "The {e} matter is expected to come up again next week, people familiar with it said.",
]
SUBS = [("said", "says"), (" pct", " percent"), (" mln", " million"), ("per cent", "percent"),
        ("U.S.", "US"), ("centre", "center"), ("organisation", "organization")]
_ENTITY_RE = re.compile(r"\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){0,2}\b")


def entity(rng: random.Random, a: dict[str, Any]) -> str:
    found = _ENTITY_RE.findall(" ".join(a["pars"][:3])[:1500])
    found = [f for f in found if f not in ("The", "But", "And", "This", "That", "It", "He", "She", "They")]
    return rng.choice(found) if found else "the company"


def caption(rng: random.Random, a: dict[str, Any]) -> str:
    return rng.choice(CAPTION_TEMPLATES).format(e=entity(rng, a), day=rng.choice(DAYS))


def added_paragraph(rng: random.Random, a: dict[str, Any]) -> str:
    return rng.choice(EDITOR_NOTES).format(e=entity(rng, a), site_e="The paper")


def credit_line(rng: random.Random) -> str:
    names = ("Ann Lee", "Tom Park", "Sara Diaz", "Omar Haddad", "Nina Berg", "Raj Patel")
    return f"(Reporting by {rng.choice(names)}; Editing by {rng.choice(names)})"


def restyle(rng: random.Random, p: str) -> str:
    """Quote style, spacing and house-style word changes: meaning unchanged."""
    if rng.random() < 0.4:
        p = re.sub(r'"([^"]{1,400})"', "\u201c\\1\u201d", p).replace("'", "\u2019")
    if rng.random() < 0.1:
        p = p.replace(" ", "  ", 3).replace(", ", ",\u00a0", 2)
    if rng.random() < 0.15:
        old, new = rng.choice(SUBS)
        p = p.replace(old, new, 2)
    return p


def headline(rng: random.Random, title: str, site: tuple[str, str]) -> str:
    t = title
    r = rng.random()
    if title.isupper() and rng.random() < 0.6:
        t = title.capitalize()
    elif r < 0.15:
        t = title.upper()
    if rng.random() < 0.15:
        t = rng.choice(("UPDATE 1-", "UPDATE 2-", "WATCH: ", "BREAKING: ", "REFILE-")) + t
    if rng.random() < 0.4:
        t = t + rng.choice((f" | {site[1]}", f" - {site[1]}", f" - {site[0]}"))
    if rng.random() < 0.15:  # a rewritten headline: a different phrasing altogether
        words = t.split()
        t = " ".join(words[len(words) // 2 :] + ["after"] + words[: len(words) // 2])
    return t


def top_chrome(rng: random.Random, a: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if rng.random() < 0.4:
        out.append(rng.choice(MENUS))
    if rng.random() < 0.3:
        out.append(f"2026-01-0{rng.randint(1, 5)} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}")
    if rng.random() < 0.3:
        cap = caption(rng, a)
        out.append(cap)
        if rng.random() < 0.5:  # pages often print the caption twice (image alt + figure)
            out.append(cap)
    if rng.random() < 0.15:
        out.append(rng.choice(("By Staff Reporter", "By Ann Lee, Business Editor", "By Wire Staff")))
    return out


def bottom_chrome(rng: random.Random, site: tuple[str, str], pool: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    if rng.random() < 0.5:
        out.append(rng.choice(NEWSLETTER))
    if rng.random() < 0.3:
        out.append(f"- FOLLOW {site[1]} on Twitter")
    if rng.random() < 0.3:
        out.append("Related stories")
        out += [pool[rng.randrange(len(pool))]["title"] for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        out.append("Read more on: " + " | ".join(rng.sample(("markets", "economy", "politics", "trade",
                                                                "energy", "technology"), 3)))
    if rng.random() < 0.3:
        out += rng.sample(COMMENTS, 2)
    return out


def join_body(rng: random.Random, pars: list[str]) -> str:
    sep = "\n\n" if rng.random() < 0.8 else "\n"
    return sep.join(pars)


def as_html(top: list[str], pars: list[str], bottom: list[str], title: str) -> str:
    nav = "".join(f"<li>{escape(x)}</li>" for x in top)
    body = "".join(f"<p>{escape(p)}</p>" for p in pars)
    foot = "".join(f"<div class='promo'>{escape(x)}</div>" for x in bottom)
    title = escape(title)
    return (f"<html><head><title>{title}</title></head><body><nav><ul>{nav}</ul></nav>"
            f"<article><h1>{title}</h1>{body}</article><aside>{foot}</aside></body></html>")


def tracking_variant(rng: random.Random, url: str) -> str:
    q = rng.choice(("?utm_source=twitter&utm_medium=social", "?fbclid=IwAR0abc123", "?ref=homepage",
                    "#comments", "?utm_campaign=morning&utm_source=newsletter"))
    if rng.random() < 0.3:
        url = url.replace("https://", "http://", 1)
    return url + q


def updated(rng: random.Random, msg: dict[str, Any], a: dict[str, Any]) -> dict[str, Any]:
    """A revision at the same URL: new facts added, a figure corrected, headline maybe changed."""
    m = dict(msg)
    pars = m["body"].split("\n\n")
    r = rng.random()
    if r < 0.4:
        pars.insert(1 if len(pars) > 1 else 0, f"{entity(rng, a)} declined to comment further on {rng.choice(DAYS)}, "
                    "but officials said more details would be released within days.")
    elif r < 0.7:
        pars.append("Shares in the group closed slightly higher after the announcement, traders said, "
                    "with volumes above the daily average.")
    else:
        i = rng.randrange(len(pars))
        pars[i] = re.sub(r"\d+", lambda d: str(int(d.group()) + 1), pars[i], count=2) + " (Corrects figure.)"
    m["body"] = "\n\n".join(pars)
    if rng.random() < 0.5:
        m["title"] = "UPDATE 1-" + m["title"]
    return m


def correction(rng: random.Random, a: dict[str, Any]) -> dict[str, Any]:
    """A short correction notice naming the story and quoting a few words of it."""
    words = " ".join(a["pars"]).split()
    i = rng.randrange(max(1, len(words) - 12))
    quoted = " ".join(words[i : i + rng.randint(6, 12)])
    body = (f"CORRECTION - In a story headlined \"{a['title']}\" published earlier, please read "
            f"\"{quoted}\" as amended in the figures given by the company. A corrected version of the "
            "story has been issued. We regret the error.")
    return {"url": f"https://{WIRE[0]}/corrections/{rng.randrange(10**9)}", "title": f"CORRECTION-{a['title']}",
            "body": body, "source": WIRE[1]}
