from django import template

from plus1.portal.routing import portal_reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_url(context, name: str, *args) -> str:
    """``{% portal_url 'portal:product-detail' product.slug %}``: a link to a page of this gemeente."""
    return portal_reverse(context["request"], name, *args)
