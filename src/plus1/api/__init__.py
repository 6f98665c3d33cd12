"""The ZGW REST APIs (ARCHITECTURE.md section 7): one subpackage per standard API, no models.

``common`` holds the shared plumbing (JWT auth, scopes, errors, pagination, ETags); ``registry``
names the six APIs and finds their official OpenAPI documents; ``openapi`` renders our
generated document; ``oas_compare`` lists where ours differs from the standard.
"""
