from django.views.generic import DetailView, ListView

from .models import Project


class ProjectListView(ListView):
    model = Project
    paginate_by = 25

    def get_queryset(self):
        return Project.objects.visible_to(self.request.user).select_related("penvoerder")


class ProjectDetailView(DetailView):
    model = Project

    def get_queryset(self):
        return Project.objects.visible_to(self.request.user).select_related("penvoerder")
