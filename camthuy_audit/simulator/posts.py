"""Deterministic posts of a portal: exactly the unit's Q1-2023 count, plus older and newer ones.

A later quarter keeps every post and adds its own (`grow_posts`): exactly the quarter's count,
published after the previous audit, plus a few after the quarter's end.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from camthuy_audit.simulator import wording
from camthuy_audit.simulator.model import Image, Post, Section, Site
from camthuy_audit.simulator.quarters import Period
from camthuy_audit.simulator.units import UNITS, Unit
from camthuy_audit.simulator.vn import NOW, Q1_END, Q1_START, VN_TZ, capitalize, fmt_date, in_q1, slugify

PostPath = Callable[[Post], str]
ThumbFor = Callable[[Post, random.Random], Image]

_EDGE_POSTS = (
    (datetime(2023, 3, 31, 23, 50, 12, tzinfo=VN_TZ), "{Unit} tổng kết công tác quý I năm 2023"),
    (datetime(2023, 1, 1, 0, 5, 40, tzinfo=VN_TZ),
     "Thư chúc mừng năm mới Quý Mão 2023 của Đảng ủy, HĐND, UBND, Ủy ban MTTQ {unit}"),
    (datetime(2022, 12, 31, 23, 59, 5, tzinfo=VN_TZ), "{Unit} chào đón năm mới 2023"),
    (datetime(2023, 4, 1, 0, 15, 30, tzinfo=VN_TZ), "Kế hoạch công tác tháng 4/2023 của UBND {unit}"),
)

# Posts that campaign banners link to: unit id -> (key, section key, title, date).
CAMPAIGN_POSTS = {
    "camyen": (
        ("cds-day-2022", "cds", "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2022",
         datetime(2022, 10, 3, 8, 20, 11, tzinfo=VN_TZ)),
    ),
    "camtam": (
        ("teachers-day-2022", "news-xa",
         "Chào mừng kỷ niệm 40 năm Ngày Nhà giáo Việt Nam 20/11/1982 - 20/11/2022",
         datetime(2022, 11, 17, 9, 5, 44, tzinfo=VN_TZ)),
        ("unity-day-2022", "news-xa", "Ngày hội Đại đoàn kết toàn dân tộc 18/11/2022",
         datetime(2022, 11, 18, 15, 32, 7, tzinfo=VN_TZ)),
    ),
}

_ELECTION_POSTS = (
    ("Tuyên truyền cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021 - 2026",
     datetime(2021, 2, 25, 8, 10, tzinfo=VN_TZ)),
    ("{Unit} tổ chức hội nghị hiệp thương lần thứ ba", datetime(2021, 4, 19, 14, 30, tzinfo=VN_TZ)),
    ("Danh sách chính thức những người ứng cử đại biểu HĐND {unit} nhiệm kỳ 2021 - 2026",
     datetime(2021, 4, 28, 9, 0, tzinfo=VN_TZ)),
    ("Hỏi - đáp về bầu cử đại biểu Quốc hội và đại biểu HĐND các cấp", datetime(2021, 5, 6, 7, 45, tzinfo=VN_TZ)),
    ("Ngày hội toàn dân đi bầu cử 23/5/2021 tại {unit}", datetime(2021, 5, 23, 17, 20, tzinfo=VN_TZ)),
    ("Kết quả bầu cử đại biểu HĐND {unit} nhiệm kỳ 2021 - 2026", datetime(2021, 5, 30, 10, 15, tzinfo=VN_TZ)),
)

_SCHEDULE_MONTHS = ((2022, 10), (2022, 11), (2022, 12), (2023, 1), (2023, 2), (2023, 3), (2023, 4))
_ROMAN = ("I", "II", "III", "IV")


def villages_of(unit: Unit, rng: random.Random) -> list[str]:
    """The nine villages (or town quarters) a unit's posts are about."""
    names = rng.sample(wording.VILLAGE_NAMES, 9)
    if unit.kind == "thị trấn":
        return [f"khu phố {n}" for n in range(1, 10)]
    return [f"thôn {name}" for name in names]


class PostFactory:
    """Makes posts with unique titles for one site."""

    def __init__(self, site: Site, rng: random.Random, thumb_for: ThumbFor,
                 villages: list[str] | None = None) -> None:
        self.site, self.rng, self.thumb_for = site, rng, thumb_for
        self.unit = site.unit
        self.slugs: set[str] = set()
        self.posts: list[Post] = []
        self.villages = villages if villages is not None else villages_of(self.unit, rng)
        self.others = [u.place for u in UNITS if u.place != self.unit.place and u.kind == "xã"]

    def make(self, section: Section, published: datetime, title: str | None = None) -> Post:
        for _attempt in range(60):
            candidate = title or self._title(section.topic, published)
            if slugify(candidate) not in self.slugs:
                break
            if title:  # a fixed title that repeats: distinguish it the way editors do
                title = f"{title} ({fmt_date(published)})"
        else:
            candidate = f"{candidate} - {fmt_date(published)} {published:%H%M}"
        slug = slugify(candidate)
        self.slugs.add(slug)
        summary, paragraphs = self._body(published)
        author = self.rng.choice(wording.AUTHOR_ROLES) if self.rng.random() < 0.5 else \
            f"{self.rng.choice(wording.SURNAMES)} {self.rng.choice(wording.GIVEN_MALE + wording.GIVEN_FEMALE)}"
        post = Post(0, candidate, slug, section, published, summary, paragraphs,
                    Image("", 0, 0), author, self.rng.randint(12, 1900))
        post.thumb = self.thumb_for(post, self.rng)
        section.own_posts.append(post)
        self.posts.append(post)
        return post

    def _fill(self, template: str, published: datetime) -> str:
        rng, unit = self.rng, self.unit
        village = rng.choice(self.villages)
        values = {
            "Unit": capitalize(unit.full_place), "unit": unit.full_place, "place": unit.place,
            "village": village, "Village": capitalize(village), "org": rng.choice(wording.ORGS),
            "other": rng.choice(self.others), "year": published.year, "prev_year": published.year - 1,
            "month": f"{published.month:02d}", "n": rng.randint(1, 3) if "mức" in template else rng.randint(2, 14), "k": rng.randint(1, 3),
            "crop": rng.choice(wording.CROPS), "law": rng.choice(wording.LAWS), "app": rng.choice(wording.APPS),
            "model": rng.choice(wording.MODELS), "season": wording.SEASONS[published.month],
            "festival": rng.choice(wording.FESTIVALS), "topic": rng.choice(wording.TOPICS),
        }
        return template.format(**values)

    def _title(self, topic: str, published: datetime) -> str:
        return self._fill(self.rng.choice(wording.TITLES[topic]), published)

    def _body(self, published: datetime) -> tuple[str, list[str]]:
        rng = self.rng
        opener = rng.choice(wording.BODY_OPENERS).format(
            date=fmt_date(published), Unit=capitalize(self.unit.full_place), unit=self.unit.full_place)
        sentences = rng.sample(wording.BODY_SENTENCES, rng.randint(4, 7))
        cut = rng.randint(1, len(sentences) - 1)
        paragraphs = [opener + " " + " ".join(sentences[:cut]), " ".join(sentences[cut:])]
        return opener, paragraphs


def build_posts(site: Site, rng: random.Random, post_path: PostPath, thumb_for: ThumbFor) -> dict[str, Post]:
    """Generate every post of the site; return the campaign posts that banners link to, by key."""
    unit = site.unit
    factory = PostFactory(site, rng, thumb_for)
    sections = list(site.sections.values())
    by_key = {s.key: s for s in sections}
    eligible = [s for s in sections if s.kind == "posts" and s.weight > 0 and not s.empty]
    news = [s for s in eligible if s.key.startswith("news-")]
    main_news = by_key.get("news-xa") or news[0]

    campaign = {}
    for key, section_key, title, published in CAMPAIGN_POSTS.get(unit.id, ()):
        campaign[key] = factory.make(by_key[section_key], published, title)
    if unit.edge_cases:
        for published, template in _EDGE_POSTS:
            factory.make(main_news, published, factory._fill(template, published))
    schedule = by_key.get("schedule")
    if schedule is not None and schedule.kind == "posts" and not schedule.empty:
        for year, month in _SCHEDULE_MONTHS:
            published = datetime(year, month, 1, 8, rng.randint(0, 50), rng.randint(0, 59), tzinfo=VN_TZ)
            published -= timedelta(days=rng.randint(2, 5))
            factory.make(schedule, published,
                         f"Lịch tiếp công dân tháng {month:02d} năm {year} của Chủ tịch UBND {unit.full_place}")
    if "election" in by_key:
        for template, published in _ELECTION_POSTS:
            factory.make(by_key["election"], published, factory._fill(template, published))

    remaining = unit.q1_posts - sum(1 for p in factory.posts if in_q1(p.published))
    if remaining < 0:
        raise ValueError(f"{unit.id}: fixed posts exceed the Q1 count")
    for section, count in zip(eligible, _allocate(remaining, eligible, rng), strict=True):
        for _ in range(count):
            factory.make(section, _q1_moment(rng))
    old = _allocate(max(unit.old_posts - len(eligible), 0), eligible, rng)
    for section, count in zip(eligible, old, strict=True):
        for _ in range(count + 1):  # at least one older post per category
            factory.make(section, _old_moment(rng))
    for _ in range(unit.new_posts):
        factory.make(rng.choice(news), _new_moment(rng))

    _list_in_second_category(eligible, main_news, rng)
    _number_and_place(site, factory.posts, rng, post_path)
    return campaign


def _allocate(total: int, sections: list[Section], rng: random.Random) -> list[int]:
    """Split total over sections by weight (largest remainder, ties broken by the seed)."""
    weights = [s.weight for s in sections]
    scale = sum(weights)
    shares = [total * w / scale for w in weights]
    counts = [int(share) for share in shares]
    order = sorted(range(len(sections)), key=lambda i: (shares[i] - counts[i], rng.random()), reverse=True)
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _working_time(rng: random.Random, day: datetime) -> datetime:
    hour = rng.choice((7, 8, 8, 9, 9, 10, 10, 11, 14, 14, 15, 15, 16, 16, 17, 20, 21))
    return day.replace(hour=hour, minute=rng.randint(0, 59), second=rng.randint(0, 59))


def _q1_moment(rng: random.Random) -> datetime:
    return _moment_between(rng, Q1_START, Q1_END)


def _moment_between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """A working moment in [start, end), weekend days mostly moved to a weekday."""
    first = start.replace(hour=0, minute=0, second=0, microsecond=0)
    day = first + timedelta(days=rng.randint(0, (end - first).days - 1))
    if day.weekday() >= 5 and rng.random() < 0.6:
        day -= timedelta(days=2) if day.day > 2 else timedelta(days=-2)
    moment = _working_time(rng, day)
    while moment < start:
        moment += timedelta(days=1)
    while moment >= end:
        moment -= timedelta(days=1)
    return moment


def _old_moment(rng: random.Random) -> datetime:
    if rng.random() < 0.55:
        start, days = datetime(2022, 10, 1, tzinfo=VN_TZ), 90
    else:
        start, days = datetime(2021, 3, 1, tzinfo=VN_TZ), 570
    return _working_time(rng, start + timedelta(days=rng.randint(0, days)))


def _new_moment(rng: random.Random) -> datetime:
    return _after_moment(rng, Q1_END, NOW)


def _after_moment(rng: random.Random, end: datetime, now: datetime) -> datetime:
    """A moment after the quarter's end, at least an hour before the audit."""
    moment = _working_time(rng, end + timedelta(days=rng.randint(0, (now - end).days - 1)))
    return min(moment, now - timedelta(hours=1))


def _list_in_second_category(eligible: list[Section], main_news: Section, rng: random.Random) -> None:
    """A few topical posts are also listed in the local news (still one post, one URL)."""
    _list_twice([p for s in eligible if s.key in ("cds", "pbgdpl") for p in s.own_posts], main_news, rng)


def _list_twice(topical: list[Post], main_news: Section, rng: random.Random) -> None:
    if len(topical) < 4:
        return
    for post in rng.sample(topical, 2):
        post.extra_categories.append(main_news)
        main_news.listed_posts.append(post)


def _number_and_place(site: Site, posts: list[Post], rng: random.Random, post_path: PostPath,
                      first: int | None = None) -> None:
    """Give ids in publication order (as a CMS does) and register each post under its URL."""
    next_id = rng.randint(310, 2400) if first is None else first
    for post in sorted(posts, key=lambda p: p.published):
        post.id = next_id
        next_id += rng.randint(1, 4)
        post.path = post_path(post)
        site.posts[post.path] = post


def grow_posts(site: Site, rng: random.Random, post_path: PostPath, thumb_for: ThumbFor, *, villages: list[str],
               quarter: Period, since: datetime, count: int, edge: bool, after: int) -> None:
    """Add a later quarter's posts to a site that keeps all its earlier ones.

    Exactly `count` posts end up dated inside the quarter (those of the earlier posts that already
    fall in it included); the new ones are published after the previous audit (`since`), and `after`
    more between the quarter's end and its audit. New posts get the next ids.
    """
    unit = site.unit
    existing = list(site.posts.values())
    factory = PostFactory(site, rng, thumb_for, villages)
    factory.slugs.update(p.slug for p in existing)
    sections = list(site.sections.values())
    by_key = {s.key: s for s in sections}
    eligible = [s for s in sections if s.kind == "posts" and s.weight > 0 and not s.empty]
    news = [s for s in eligible if s.key.startswith("news-")]
    main_news = by_key.get("news-xa") or news[0]

    if edge:
        number = _ROMAN[(quarter.start.month - 1) // 3]
        factory.make(main_news, quarter.end - timedelta(minutes=9, seconds=39),
                     f"{capitalize(unit.full_place)} tổng kết công tác quý {number} năm {quarter.start.year}")
        factory.make(main_news, quarter.end + timedelta(minutes=10, seconds=5),
                     f"Kế hoạch công tác tháng {quarter.end.month}/{quarter.end.year} của UBND {unit.full_place}")
    schedule = by_key.get("schedule")
    if schedule is not None and schedule.kind == "posts" and not schedule.empty:
        year, month = since.year, since.month
        while (year, month) < (quarter.now.year, quarter.now.month):
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
            published = datetime(year, month, 1, 8, rng.randint(0, 50), rng.randint(0, 59), tzinfo=VN_TZ)
            published -= timedelta(days=rng.randint(2, 5))
            factory.make(schedule, published,
                         f"Lịch tiếp công dân tháng {month:02d} năm {year} của Chủ tịch UBND {unit.full_place}")
    start = max(quarter.start, since)
    for section in eligible:
        if not section.own_posts:  # a category opened this quarter starts with a post of it
            factory.make(section, _moment_between(rng, start, quarter.end))

    def inside(post: Post) -> bool:
        return quarter.start <= post.published < quarter.end

    remaining = count - sum(1 for p in existing + factory.posts if inside(p))
    if remaining < 0:
        raise ValueError(f"{unit.id}: fixed posts exceed the {quarter.name} count")
    for section, share in zip(eligible, _allocate(remaining, eligible, rng), strict=True):
        for _ in range(share):
            factory.make(section, _moment_between(rng, start, quarter.end))
    for _ in range(after):
        factory.make(rng.choice(news), _after_moment(rng, quarter.end, quarter.now))

    _list_twice([p for p in factory.posts if p.category.key in ("cds", "pbgdpl")], main_news, rng)
    first = max((p.id for p in existing), default=rng.randint(310, 2400)) + rng.randint(1, 4)
    _number_and_place(site, factory.posts, rng, post_path, first)
