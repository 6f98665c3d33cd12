from django import template

from plus1.legal.selectors import ContactDetails, contact_details

register = template.Library()


@register.simple_tag
def contact_for(gemeente, adoption) -> ContactDetails:
    """``{% contact_for gemeente adoption as contact %}``: the product's phone/e-mail, else the gemeente's."""
    if adoption is None:
        return contact_details(gemeente)
    return contact_details(gemeente, phone=adoption.contact_phone, email=adoption.contact_email)
