/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {
    openCustomerServiceMenu,
    screenshot,
} from "@cs_member/../tests/tours/cs_tour_utils";

const LIST = ".o_list_view";

/**
 * An agent opens their call list, keeps today's calls (the "Today" filter,
 * second of the list's filters), records a reached but unsatisfied customer
 * with the reason, then a customer who did not answer: the callback stays to
 * do and is called again later. The customers and callbacks are created by
 * cs_callback/tests/test_ui_tours.py.
 */
registry.category("web_tour.tours").add("cs_callback_call_list_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_callback.menu_cs_callbacks",
            "cs_callback.cs_callback_menu"
        ),
        {
            content: "The list holds the calls to make, tomorrow's too",
            trigger: `${LIST} .o_data_row:contains(Tour Tomorrow Customer)`,
        },
        {
            content: "Open the search options",
            trigger: ".o_control_panel .o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Keep today's calls",
            trigger: ".o_filter_menu .o_menu_item:not(.o_add_custom_filter):eq(1)",
            run: "click",
        },
        {
            content: "Close the search options",
            trigger: ".o_control_panel .o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Tomorrow's call is left out",
            trigger: `${LIST}:not(:has(.o_data_row:contains(Tour Tomorrow Customer))) .o_data_row:contains(Tour Away Customer)`,
        },
        ...screenshot(
            "call_list",
            `${LIST} .o_data_row:contains(Tour Unhappy Customer)`
        ),
        {
            content: "Open the first call",
            trigger: `${LIST} .o_data_row:contains(Tour Unhappy Customer) .o_data_cell[name=partner_id]`,
            run: "click",
        },
        {
            content: "The customer answered",
            trigger: ".o_form_view .o_field_widget[name=outcome] select",
            run: 'select "reached"',
        },
        {
            content: "They are not satisfied",
            trigger:
                ".o_form_view .o_field_widget[name=satisfaction] input[data-value=unsatisfied]",
            run: "click",
        },
        {
            content: "Write down why",
            trigger: ".o_form_view .o_field_widget[name=unsatisfied_reason] textarea",
            run: "edit The technician came two days late. 师傅晚到了两天。",
        },
        ...screenshot(
            "callback_form",
            ".o_form_view .o_field_widget[name=unsatisfied_reason] textarea:value(two days late)"
        ),
        {
            content: "Record the call",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_done]",
            run: "click",
        },
        {
            content: "The callback is done",
            trigger:
                '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="done"]',
        },
        {
            content: "Back to the call list",
            trigger: ".o_control_panel .o_breadcrumb .o_back_button a",
            run: "click",
        },
        {
            content: "Open the next call (the recorded one left the list)",
            trigger: `${LIST}:not(:has(.o_data_row:contains(Tour Unhappy Customer))) .o_data_row:contains(Tour Away Customer) .o_data_cell[name=partner_id]`,
            run: "click",
        },
        {
            content: "Nobody answered",
            trigger: ".o_form_view .o_field_widget[name=outcome] select",
            run: 'select "no_answer"',
        },
        {
            content: "Record the attempt",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_done]",
            run: "click",
        },
        {
            content: "One attempt is counted",
            trigger: ".o_form_view .o_field_widget[name=attempt_count]:contains(1)",
        },
        {
            content: "The callback is still to do",
            trigger:
                '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="todo"]',
        },
    ],
});
