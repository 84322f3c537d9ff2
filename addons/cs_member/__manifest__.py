# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Members",
    "summary": "Customer archive, member cards, levels, points, customer grading "
    "and distribution to agents (客户档案与会员)",
    "version": "18.0.1.0.0",
    "category": "Customer Service",
    "website": "https://github.com/cs-suite/customer-service",
    "author": "Customer Service Suite authors",
    "maintainers": ["cs-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": True,
    "depends": ["mail", "contacts"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/cs_member_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "data/cs_member_level_data.xml",
        "views/cs_member_level_views.xml",
        "views/cs_member_card_views.xml",
        "views/cs_member_points_views.xml",
        "views/cs_team_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/cs_export_log_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/cs_member_distribution_wizard_views.xml",
        "wizards/cs_member_grading_report_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/cs_member_card_demo.xml",
        "demo/cs_member_points_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cs_member/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
