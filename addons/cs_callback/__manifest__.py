# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Callbacks",
    "summary": "Callback plans and records (回访), satisfaction, follow-ups and "
    "coverage of every member",
    "version": "18.0.1.0.0",
    "category": "Customer Service",
    "website": "https://github.com/cs-suite/customer-service",
    "author": "Customer Service Suite authors",
    "maintainers": ["cs-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["cs_member", "crm", "survey"],
    "uninstall_hook": "uninstall_hook",
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/cs_callback_security.xml",
        "security/ir.model.access.csv",
        "security/cs_callback_coverage_security.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "data/cs_callback_script_data.xml",
        "views/cs_callback_script_views.xml",
        "views/cs_callback_plan_views.xml",
        "views/cs_callback_views.xml",
        "views/res_config_settings_views.xml",
        "report/cs_callback_record_report.xml",
        "report/cs_callback_summary_report.xml",
        "report/res_partner_archive_card.xml",
        "wizards/cs_callback_summary_wizard_views.xml",
        "views/cs_callback_coverage_report_views.xml",
        "views/menus.xml",
        "views/cs_callback_report_menus.xml",
    ],
    "demo": ["demo/cs_callback_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "cs_callback/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
