from django.urls import path

from tend.questionnaires import views

app_name = "questionnaires"

urlpatterns = [
    path("", views.home, name="home"),
    path("consent/", views.consent, name="consent"),
    path("start/<slug:definition_id>/", views.start, name="start"),
    path("scheduled/<int:pk>/start/", views.start_scheduled, name="start_scheduled"),
    path("responses/<int:pk>/", views.answer, name="answer"),
    path("responses/<int:pk>/save/", views.save_answer, name="save_answer"),
    path("responses/<int:pk>/fhir.json", views.fhir, name="fhir"),
    path("results/", views.results, name="results"),
    path("care/", views.plan, name="plan"),
    path("care/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("care/<int:pk>/autosave/", views.plan_autosave, name="plan_autosave"),
    path("instruments/", views.instruments, name="instruments"),
    path("cohorts/<int:pk>/", views.cohort_measures, name="cohort"),
    path("cohorts/<int:pk>/schedules/<int:schedule_pk>/delete/", views.schedule_delete, name="schedule_delete"),
    path("cohorts/<int:pk>/export.csv", views.export_csv, name="export_csv"),
    path("cohorts/<int:pk>/export-key/", views.export_key, name="export_key"),
]
