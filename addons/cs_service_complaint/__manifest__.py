# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: After-sales Complaints",
    "summary": "An unsatisfied opinion card after a repair opens a complaint "
    "against the technician",
    "version": "18.0.1.0.0",
    "category": "Customer Service",
    "website": "https://github.com/cs-suite/customer-service",
    "author": "Customer Service Suite authors",
    "maintainers": ["cs-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["cs_service", "cs_complaint"],
    "auto_install": True,
    "installable": True,
}
