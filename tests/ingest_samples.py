"""Original Arabic news-style text for the ingest tests (written for Marsad, not taken from any outlet)."""

from __future__ import annotations

import json
import random
from pathlib import Path

STORY = (
    "أعلنت وزارة الخارجية في بيان صدر صباح الثلاثاء أن الوزير سيتوجه إلى العاصمة الأردنية عمّان "
    "لإجراء محادثات مع نظيره حول أمن الحدود وتبادل المعلومات.\n"
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الزيارة تأتي في إطار تعزيز التعاون الثنائي، "
    "مضيفا أن الجانبين سيبحثان ملف اللاجئين والتجارة عبر المعابر.\n"
    "من جهتها، رحبت الحكومة الأردنية بالزيارة، وأكدت أنها ستطرح مقترحات جديدة لتسهيل حركة الشاحنات "
    "قبل نهاية العام."
)

SECOND_STORY = (
    "صادق البرلمان مساء الأحد على مشروع قانون الموازنة العامة بعد جلسة نقاش استمرت سبع ساعات، "
    "وصوت لصالحه مئة واثنا عشر نائبا مقابل اعتراض أربعين.\n"
    "وقال رئيس لجنة المالية إن الموازنة الجديدة تخصص نسبة أكبر للتعليم والصحة، "
    "فيما انتقدت كتل المعارضة ارتفاع العجز وطالبت بخفض النفقات الإدارية."
)

ENGLISH_STORY = (
    "The foreign minister said on Tuesday that talks with the neighbouring country would resume next week, "
    "and that both sides had agreed to reopen the border crossing for trucks and travellers."
)

_CITIES = ["عمّان", "بغداد", "الرباط", "تونس", "بيروت", "الدوحة", "مسقط", "الخرطوم", "دمشق", "القاهرة"]
_ACTORS = ["وزير الخارجية", "رئيس الوزراء", "وزير الدفاع", "المتحدث باسم الحكومة", "وزير الداخلية"]
_TOPICS = ["أمن الحدود", "إعادة الإعمار", "أسعار الوقود", "ملف اللاجئين", "التبادل التجاري", "شبكات الكهرباء"]


def page(title: str, body: str, extra_head: str = "", close: bool = True) -> str:
    """A small news page with navigation and a footer around the article."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    html = (
        "<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
        f"<title>{title} | موقع الأخبار</title>{extra_head}</head><body>"
        "<nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/politics'>سياسة</a></li>"
        "<li><a href='/sports'>رياضة</a></li></ul></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer><p>جميع الحقوق محفوظة لموقع الأخبار</p></footer>"
    )
    if close:
        html += "</body></html>"
    return html


def synthetic_records(n: int, seed: int = 7) -> list[dict[str, object]]:
    """``n`` distinct news-please style records built from templates."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        city, actor, topic = rng.choice(_CITIES), rng.choice(_ACTORS), rng.choice(_TOPICS)
        count = rng.randint(2, 90)
        text = (
            f"{city} - قال {actor} يوم الأربعاء إن الحكومة ستعقد {count} اجتماعا بشأن {topic} "
            f"خلال الأسابيع المقبلة، في خطوة تهدف إلى تهدئة الشارع (رقم التقرير {i}).\n"
            f"وأضاف أن اللجنة المختصة رفعت توصياتها إلى مجلس الوزراء، وأن القرار النهائي سيصدر "
            f"بعد التشاور مع النواب والنقابات في {city}."
        )
        records.append(
            {
                "id": f"rec-{i}",
                "title": f"{actor} يتحدث عن {topic}",
                "text": text,
                "url": f"https://news.example/2024/03/{(i % 28) + 1:02d}/story-{i}",
                "source": "موقع الأخبار",
            }
        )
    return records


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path
