/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {
    openCustomerServiceMenu,
    screenshot,
} from "@cs_member/../tests/tours/cs_tour_utils";
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// the action given by the test (cs_satisfaction/tests/test_ui_tours.py)
const PROBLEM = "Improvement tour: technicians arrive late";

/**
 * A member of the after-sales department (no customer service group)
 * starts the action owned by their department and marks it done with the
 * measures taken, from their own menu. Triggers use names, never labels.
 */
registry.category("web_tour.tours").add("cs_improvement_action_owner_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Improvement Actions",
            trigger:
                '.o_app[data-menu-xmlid="cs_satisfaction.cs_improvement_action_mine_menu_root"]',
            run: "click",
        },
        {
            content: "Open the action owned by the department",
            trigger: `.o_list_view .o_data_row:contains(${PROBLEM}) .o_data_cell[name=name]`,
            run: "click",
        },
        ...screenshot("improvement_action", '.o_form_view button[name="action_start"]'),
        {
            content: "Start it",
            trigger: '.o_form_view button[name="action_start"]',
            run: "click",
        },
        {
            content: "Mark it done",
            trigger: '.o_form_view button[name="action_open_done_wizard"]',
            run: "click",
        },
        {
            content: "Write the measures taken",
            trigger: '.modal div[name="measure"] textarea',
            run: "edit Two more technicians on the morning shift.",
        },
        {
            content: "Confirm",
            trigger: '.modal button[name="action_confirm"]',
            run: "click",
        },
        {
            content: "The action is done",
            trigger:
                '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="done"]',
        },
        {
            content: "The measures are shown",
            trigger:
                ".o_form_view:contains(Two more technicians on the morning shift.)",
        },
    ],
});

/**
 * A customer service supervisor verifies the done action from the
 * Customer Service menu, then opens the survey results.
 */
registry.category("web_tour.tours").add("cs_improvement_action_verify_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_satisfaction.menu_cs_satisfaction",
            "cs_satisfaction.cs_improvement_action_menu"
        ),
        {
            content: "Remove the default filter (open actions only)",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "Search the problem",
            trigger: ".o_searchview_input",
            run: `edit ${PROBLEM}`,
        },
        {
            content: "Search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Open the done action",
            trigger: `.o_list_view .o_data_row:contains(${PROBLEM}) .o_data_cell[name=name]`,
            run: "click",
        },
        {
            content: "Verify it",
            trigger: '.o_form_view button[name="action_verify"]',
            run: "click",
        },
        {
            content: "The action is verified",
            trigger:
                '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="verified"]',
        },
        ...openCustomerServiceMenu(
            "cs_member.menu_cs_reporting",
            "cs_satisfaction.cs_satisfaction_result_menu"
        ),
        {
            content: "The survey results open",
            trigger: ".o_action_manager .o_graph_view",
        },
    ],
});
