"""What the gemeente sends a resident: PDF letters (PDF/A) and e-mails, in the gemeente's name.

``pdf`` renders a template as an archivable PDF/A document with WeasyPrint; ``content`` gathers
what a letter says (letterhead, addressee, dates asked for, objection clause); ``documents``
turns that into the decision letter and the copy of a request; ``mail`` sends e-mails from the
gemeente's name to the resident by name, with a link to the zaak in Mijn zaken.
"""
