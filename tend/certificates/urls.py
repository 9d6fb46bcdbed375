from django.urls import path

from tend.certificates import views

app_name = "certificates"

urlpatterns = [
    path("", views.progress, name="progress"),
    path("issue/", views.issue, name="issue"),
    path("verify/", views.verify, name="verify"),
    path(".well-known/jwks.json", views.jwks, name="jwks"),
    path("<uuid:uid>/", views.detail, name="detail"),
    path("<uuid:uid>/certificate.pdf", views.certificate_pdf, name="pdf"),
    path("<uuid:uid>/credential.jwt", views.credential_jwt, name="jwt"),
    path("<uuid:uid>/credential.json", views.credential_json, name="json"),
]
