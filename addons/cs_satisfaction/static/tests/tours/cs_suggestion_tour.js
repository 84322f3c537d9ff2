/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {openCustomerServiceMenu} from "@cs_member/../tests/tours/cs_tour_utils";
import {registry} from "@web/core/registry";

// the suggestion written by the tour, checked by the test
// (cs_satisfaction/tests/test_ui_tours.py)
const SUGGESTION = "Suggestion tour: text members before their visit";

/**
 * An agent proposes a suggestion and submits it. Triggers use names, never
 * labels.
 */
registry.category("web_tour.tours").add("cs_suggestion_propose_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_satisfaction.menu_cs_satisfaction",
            "cs_satisfaction.cs_suggestion_menu"
        ),
        {
            content: "New suggestion",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Write the suggestion",
            trigger: '.o_form_view div[name="name"] input',
            run: `edit ${SUGGESTION}`,
        },
        {
            content: "Write the expected benefit",
            trigger: '.o_form_view div[name="expected_benefit"] textarea',
            run: "edit Fewer missed visits.",
        },
        {
            content: "Submit it",
            trigger: '.o_form_view button[name="action_submit"]',
            run: "click",
        },
        {
            content: "The suggestion is submitted",
            trigger:
                '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="submitted"]',
        },
    ],
});

/**
 * A supervisor adopts the submitted suggestion from the list of those to
 * decide.
 */
registry.category("web_tour.tours").add("cs_suggestion_adopt_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_satisfaction.menu_cs_satisfaction",
            "cs_satisfaction.cs_suggestion_menu"
        ),
        {
            content: "Open the submitted suggestion",
            trigger: `.o_list_view .o_data_row:contains(${SUGGESTION}) .o_data_cell[name=name]`,
            run: "click",
        },
        {
            content: "Adopt it",
            trigger: '.o_form_view button[name="action_adopt"]',
            run: "click",
        },
        {
            content: "The suggestion is adopted",
            trigger:
                '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="adopted"]',
        },
        {
            content: "Its improvement action is shown",
            trigger:
                '.o_form_view div[name="improvement_action_id"] a, .o_form_view div[name="improvement_action_id"] .o_form_uri',
        },
    ],
});
