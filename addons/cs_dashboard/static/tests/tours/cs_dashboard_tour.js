/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

/**
 * A customer-service manager opens the Dashboards app, picks the Customer
 * Service dashboard and waits for its figures to be drawn. Started by
 * cs_dashboard/tests/test_ui_tour.py, in English (the dashboard is found
 * by its name).
 */
registry.category("web_tour.tours").add("cs_dashboard_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Dashboards app",
            trigger:
                '.o_app[data-menu-xmlid="spreadsheet_dashboard.spreadsheet_dashboard_menu_root"]',
            run: "click",
        },
        {
            content: "Open the Customer Service dashboard",
            trigger:
                ".o_spreadsheet_dashboard_search_panel li.o_search_panel_category_value[data-name='Customer Service']",
            run: "click",
        },
        {
            content: "It is the one shown",
            trigger:
                ".o_spreadsheet_dashboard_search_panel li.o_search_panel_category_value.active[data-name='Customer Service']",
        },
        {
            content: "Its figures are drawn",
            trigger: ".o_spreadsheet_dashboard_action .o_renderer .o-figure canvas",
        },
        {
            content: "Without a loading error",
            trigger:
                ".o_spreadsheet_dashboard_action:not(:has(.dashboard-loading-status))",
        },
    ],
});
