"""A whole module as a PDF for offline reading (WeasyPrint renders our own template)."""

from django.template.loader import render_to_string


def module_pdf(module, request) -> bytes:
    import weasyprint  # imported here: it is slow to import and only this view needs it

    lessons = list(module.lessons.live())
    html = render_to_string("learn/module_pdf.html", {"module": module, "lessons": lessons})
    # Figures are fetched from the database, never over the network.
    figures = {f.name: f.svg for f in module.figures.all()}

    class FiguresOnly(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):
            name = url.rstrip("/").rsplit("/", 1)[-1]
            if "/figures/" in url and name in figures:
                return weasyprint.urls.URLFetcherResponse(url, body=figures[name].encode(), headers={"Content-Type": "image/svg+xml"})
            raise ValueError(f"PDF rendering does not fetch {url}")

    return weasyprint.HTML(string=html, base_url=request.build_absolute_uri("/"), url_fetcher=FiguresOnly()).write_pdf()
