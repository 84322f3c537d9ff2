# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Satisfaction Survey",
    "summary": "Monthly satisfaction survey by member level (C7), results per "
    "question and month, improvement actions and their effect",
    "version": "18.0.1.0.0",
    "category": "Customer Service",
    "website": "https://github.com/cs-suite/customer-service",
    "author": "Customer Service Suite authors",
    "maintainers": ["cs-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["cs_callback", "survey", "sms", "cs_kpi"],
    "data": [
        "security/cs_satisfaction_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "data/sms_template_data.xml",
        "views/cs_satisfaction_plan_views.xml",
        "views/cs_satisfaction_run_views.xml",
        "views/cs_satisfaction_result_views.xml",
        "views/cs_improvement_action_views.xml",
        "views/cs_suggestion_views.xml",
        "wizards/cs_satisfaction_answer_wizard_views.xml",
        "wizards/cs_improvement_action_done_wizard_views.xml",
        "views/cs_callback_views.xml",
        "views/res_config_settings_views.xml",
        "report/cs_kpi_monthly_report.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/cs_satisfaction_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "cs_satisfaction/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
