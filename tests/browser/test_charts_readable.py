"""The dashboard's charts stand at the size they are drawn: at 1280 px wide every word in them
is at least 12 px; on a phone (320 px) too, the chart scrolling sideways in its own region
rather than shrinking its words or widening the page."""

from playwright.sync_api import Page

from .person import Person

# Per chart: the smallest font size times the rendered width over the viewBox width.
KLEINSTE_LETTER = """() => [...document.querySelectorAll('svg.grafiek')].map(svg => {
  const schaal = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const maten = [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')));
  return [svg.querySelector('title').textContent, Math.min(...maten) * schaal];
})"""


def kleinste_letters(page: Page, pad: str) -> list:
    page.goto(pad)
    return page.evaluate(KLEINSTE_LETTER)


def test_every_dashboard_chart_has_words_of_12_px_at_1280_and_at_320_wide(page):
    Person(page, keyboard_only=False).log_in("beheerder")

    for breedte in (1280, 320):
        page.set_viewport_size({"width": breedte, "height": 900})
        for pad in (
            "/dashboards/maastricht-2015/?jaar=2015",
            "/dashboards/regio-deal-groningen-noord-ii/",
            "/dashboards/maastricht-2015/trend/verhuur-totaal/",
        ):
            grafieken = kleinste_letters(page, pad)
            assert grafieken, pad
            for titel, px in grafieken:
                assert px >= 11.99, (breedte, titel, px)
            assert page.evaluate("document.documentElement.scrollWidth") <= breedte
