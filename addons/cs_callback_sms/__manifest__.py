# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: SMS Callbacks",
    "summary": "Send the SMS of SMS callback plans through Odoo's SMS gateway "
    "(短信回访)",
    "version": "18.0.1.0.0",
    "category": "Customer Service",
    "website": "https://github.com/cs-suite/customer-service",
    "author": "Customer Service Suite authors",
    "maintainers": ["cs-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["cs_callback", "sms"],
    "data": [
        "data/sms_template_data.xml",
        "views/cs_callback_plan_views.xml",
    ],
    "demo": ["demo/cs_callback_plan_demo.xml"],
    "auto_install": True,
}
