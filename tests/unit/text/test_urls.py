"""canonicalize_url."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stream.errors import InputError
from stream.text.urls import canonicalize_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://WWW.Example.COM:80/News/Story/?utm_source=tw&b=2&a=1#frag",
         "https://example.com/News/Story?a=1&b=2"),
        ("https://m.example.com/world//asia///summit", "https://example.com/world/asia/summit"),
        ("https://mobile.example.co.uk/a", "https://example.co.uk/a"),
        ("https://amp.example.com/story/amp/", "https://example.com/story"),
        ("https://example.com/amp/story", "https://example.com/story"),
        ("https://example.com/story?amp=1&id=7", "https://example.com/story?id=7"),
        ("https://example.com/story?outputType=amp", "https://example.com/story"),
        ("https://example.com/story?fbclid=X&gclid=Y&ref=tw&mc_cid=1&igshid=2&_ga=3&share=1&spm=4",
         "https://example.com/story"),
        ("https://example.com:443/", "https://example.com/"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://example.com/%7euser/a%2fb%41", "https://example.com/~user/a%2FbA"),
        ("https://example.com/caf\u00e9", "https://example.com/caf%C3%A9"),
        ("https://B\u00dcCHER.example/x", "https://xn--bcher-kva.example/x"),
        ("https://user:pw@example.com./a/./b/../c", "https://example.com/a/c"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://www.com/", "https://www.com/"),
    ],
)
def test_canonical_forms(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "", "   ", "example.com/story", "//example.com/a", "ftp://example.com/a",
        "javascript:alert(1)", "https://", "https://exa mple.com/", "https://example.com/a b",
        "https://example.com/\x00", "https://example.com:99999/", "https://exa%41mple.com/",
        "https://example.com/" + "a" * 2048, "mailto:someone@example.com",
    ],
)
def test_unusable_urls_raise_input_error(url: str) -> None:
    with pytest.raises(InputError) as info:
        canonicalize_url(url)
    assert info.value.reason == "invalid_url"


def test_not_a_string_raises_input_error() -> None:
    with pytest.raises(InputError):
        canonicalize_url(None)  # type: ignore[arg-type]


def test_variants_of_one_story_share_a_key() -> None:
    variants = [
        "http://www.example.com/world/2019/02/28/summit-ends/",
        "https://m.example.com/world/2019/02/28/summit-ends/amp?utm_medium=social",
        "https://example.com/world/2019/02/28/summit-ends?outputType=amp#comments",
        "HTTPS://AMP.EXAMPLE.COM//world/2019/02/28/summit-ends",
    ]
    assert len({canonicalize_url(v) for v in variants}) == 1


_url_chars = st.lists(
    st.sampled_from(list("aA0/._~-%?&=#:@+!$;,'()*[]") + ["%41", "%7e", "%2F", "%zz", "\u00e9", "amp", "utm_x="]),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(
    scheme=st.sampled_from(["http", "https", "HTTP"]),
    host=st.sampled_from(["example.com", "WWW.Example.com", "m.www.example.org", "b\u00fccher.de", "[::1]", "example.com:8080"]),
    rest=_url_chars,
)
def test_canonicalize_is_idempotent(scheme: str, host: str, rest: str) -> None:
    try:
        once = canonicalize_url(f"{scheme}://{host}/{rest}")
    except InputError:
        return
    assert canonicalize_url(once) == once
    assert once.startswith("https://")
    assert "#" not in once


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_canonicalize_raises_only_input_error(s: str) -> None:
    try:
        once = canonicalize_url(s)
    except InputError:
        return
    assert canonicalize_url(once) == once


# URLs shaped like real article links, with the pieces urlsplit treats
# specially (user info, ports, brackets, "#" before "?", upper case).
_URL_PIECES = st.tuples(
    st.sampled_from(["https://", "http://", "HTTPS://", "http:/", "https:", "//", "ftp://"]),
    st.sampled_from(["example.com", "www.news.example", "a-b.example", "Example.com", "u@example.com",
                     "example.com:8080", "example.com:", "[::1]", "", ".", "a..b", "ex_ample.com"]),
    st.text(alphabet="/?#&=.%aAz09-_~:@;", max_size=20),
)


@settings(max_examples=500, deadline=None)
@given(_URL_PIECES)
def test_plain_split_agrees_with_urlsplit(pieces: tuple[str, str, str]) -> None:
    from urllib.parse import urlsplit

    from stream.text.urls import _split_plain

    url = "".join(pieces)
    plain = _split_plain(url)
    if plain is None:
        return
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https")
    assert parts.port is None
    assert plain == (parts.hostname, parts.path, parts.query)


def test_plain_split_takes_only_the_plain_shape() -> None:
    from stream.text.urls import _split_plain

    assert _split_plain("https://news.example/a/b?x=1#f?g") == ("news.example", "/a/b", "x=1")
    assert _split_plain("https://News.example/a") is None
    assert _split_plain("https://user@news.example/a") is None
    assert _split_plain("https://news.example:8443/a") is None
    assert _split_plain("HTTPS://news.example/a") is None
