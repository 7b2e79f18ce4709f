from django import template

from core.dutch_numbers import format_euro, format_getal, format_procent

register = template.Library()
register.filter("getal", format_getal)
register.filter("euro", format_euro)
register.filter("procent", format_procent)
