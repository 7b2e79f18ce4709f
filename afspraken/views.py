from django.views.generic import DetailView, ListView

from .models import Afspraak


class AfspraakListView(ListView):
    model = Afspraak
    paginate_by = 25

    def get_queryset(self):
        return Afspraak.objects.visible_to(self.request.user).select_related("penvoerder")


class AfspraakDetailView(DetailView):
    model = Afspraak

    def get_queryset(self):
        return Afspraak.objects.visible_to(self.request.user).select_related("penvoerder")
