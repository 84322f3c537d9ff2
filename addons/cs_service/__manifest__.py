# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: After-sales",
    "summary": "After-sales service requests (报修): working-time reply and dispatch "
    "deadlines, technician dispatch board, service voucher, customer signature, "
    "opinion card",
    "version": "18.0.1.0.0",
    "category": "Customer Service",
    "website": "https://github.com/cs-suite/customer-service",
    "author": "Customer Service Suite authors",
    "maintainers": ["cs-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["cs_callback", "cs_resource_cn", "hr", "portal", "product"],
    "data": [
        "security/cs_service_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/hr_job_data.xml",
        "data/ir_cron_data.xml",
        "views/cs_service_request_views.xml",
        "views/cs_service_contract_views.xml",
        "views/cs_callback_views.xml",
        "views/hr_job_views.xml",
        "views/res_partner_views.xml",
        "views/product_template_views.xml",
        "views/res_config_settings_views.xml",
        "report/cs_service_voucher_report.xml",
        "views/cs_service_portal_templates.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/cs_service_demo.xml"],
    "installable": True,
}
