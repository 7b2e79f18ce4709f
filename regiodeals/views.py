from django.views.generic import DetailView, ListView

from .models import Regiodeal


class RegiodealListView(ListView):
    model = Regiodeal
    paginate_by = 25

    def get_queryset(self):
        return Regiodeal.objects.visible_to(self.request.user).select_related("penvoerder")


class RegiodealDetailView(DetailView):
    model = Regiodeal

    def get_queryset(self):
        return Regiodeal.objects.visible_to(self.request.user).select_related("penvoerder")
