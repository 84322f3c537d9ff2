/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import {
    openCustomerServiceMenu,
    screenshot,
} from "@cs_member/../tests/tours/cs_tour_utils";

/**
 * The after-sales loop, one role after the other, each from their own menu:
 * an agent registers a repair request, a supervisor dispatches it from the
 * dispatch board, the technician works it and lets the customer sign the
 * voucher on their tablet, the agent records the opinion card, the manager
 * computes the month and reads the technician's scorecard. The customer,
 * the technician and the month are created by
 * cs_kpi_service/tests/test_ui_tour.py; triggers use field and button
 * names, never a label, so the tours run in Chinese and in English.
 */

const FORM = ".o_form_view";
const STATUS = `${FORM} .o_statusbar_status button.o_arrow_button_current`;
const BUTTONS = `${FORM} .o_statusbar_buttons`;
const CUSTOMER = "Tour Service Customer";

function openAfterSales(item) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the After-sales app",
            trigger: '.o_app[data-menu-xmlid="cs_service.menu_cs_service_root"]',
            run: "click",
        },
        {
            content: `Open ${item}`,
            trigger: `.o_main_navbar a[data-menu-xmlid="${item}"]`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("cs_service_agent_tour", {
    url: "/odoo",
    steps: () => [
        ...openAfterSales("cs_service.cs_service_request_menu"),
        {
            content: "Register a new service request",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Type the number the customer calls from",
            trigger: `${FORM} .o_field_widget[name=lookup_phone] input`,
            run: "edit 139-5550-8642",
        },
        {
            content: "Describe the problem (leaving the number finds the caller)",
            trigger: `${FORM} .o_field_widget[name=problem] .odoo-editor-editable`,
            run: "editor The air conditioner blows warm air. 空调吹热风。",
        },
        {
            content: "The caller is found by their number",
            trigger: `${FORM} .o_field_widget[name=partner_id] input:value(${CUSTOMER})`,
        },
        {
            content: "Their address is taken from the customer",
            trigger: `${FORM} .o_field_widget[name=city] input:value(Beijing)`,
        },
        {
            content: "Save the request",
            trigger: `${FORM} .o_form_button_save`,
            run: "click",
        },
        {
            content: "The request has its number",
            trigger: `${FORM} .o_form_saved .o_field_widget[name=name] span:contains(FW)`,
        },
        ...screenshot(
            "service_request_form",
            `${FORM} .o_form_saved .o_field_widget[name=name] span:contains(FW)`
        ),
    ],
});

registry.category("web_tour.tours").add("cs_service_dispatch_tour", {
    url: "/odoo",
    steps: () => [
        ...openAfterSales("cs_service.cs_service_request_board_menu"),
        {
            content: "Unfold the requests without a technician",
            trigger: ".o_kanban_view .o_kanban_renderer",
            run() {
                // the column of the requests without a technician comes folded
                const folded = document.querySelector(
                    ".o_kanban_view .o_kanban_group.o_column_folded"
                );
                if (folded) {
                    folded.click();
                }
            },
        },
        {
            content: "The new request waits on the board",
            trigger: `.o_kanban_view .o_kanban_record:contains(${CUSTOMER})`,
        },
        ...screenshot(
            "service_dispatch_board",
            `.o_kanban_view .o_kanban_record:contains(${CUSTOMER})`
        ),
        {
            content: "Open the request",
            trigger: `.o_kanban_view .o_kanban_record:contains(${CUSTOMER})`,
            run: "click",
        },
        {
            content: "Choose the technician",
            trigger: `${FORM} .o_field_widget[name=technician_id] input`,
            run: "edit Tour Technician",
        },
        {
            content: "Pick them in the list",
            trigger: ".o-autocomplete--dropdown-menu a:contains(Tour Technician)",
            run: "click",
        },
        {
            content: "Dispatch",
            trigger: `${BUTTONS} button[name=action_dispatch]`,
            run: "click",
        },
        {
            content: "The request is dispatched",
            trigger: `${STATUS}[data-value="dispatched"]`,
        },
    ],
});

registry.category("web_tour.tours").add("cs_service_technician_tour", {
    url: "/odoo",
    steps: () => [
        ...openAfterSales("cs_service.cs_service_request_my_menu"),
        {
            content: "Open the visit dispatched to me",
            trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}) .o_data_cell[name=partner_id]`,
            run: "click",
        },
        {
            content: "Arrived at the customer's",
            trigger: `${BUTTONS} button[name=action_start]`,
            run: "click",
        },
        {
            content: "The work is on site",
            trigger: `${STATUS}[data-value="on_site"]`,
        },
        {
            content: "Open the work tab",
            trigger: `${FORM} .o_notebook .nav-link[name=work]`,
            run: "click",
        },
        {
            content: "Add a part",
            trigger: `${FORM} .o_field_widget[name=line_ids] .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "The part used",
            trigger: `${FORM} .o_field_widget[name=line_ids] .o_selected_row .o_field_widget[name=product_id] input`,
            run: "edit Tour Capacitor",
        },
        {
            content: "Pick it in the list",
            trigger: ".o-autocomplete--dropdown-menu a:contains(Tour Capacitor)",
            run: "click",
        },
        {
            content: "The hours spent",
            trigger: `${FORM} .o_field_widget[name=line_ids] .o_selected_row .o_field_widget[name=hours] input`,
            run: "edit 1:30",
        },
        {
            content: "Write the result",
            trigger: `${FORM} .o_field_widget[name=result] textarea`,
            run: "edit Replaced the fan capacitor. 更换了风扇电容。",
        },
        {
            content: "The work is done",
            trigger: `${BUTTONS} button[name=action_done]`,
            run: "click",
        },
        {
            content: "The request is done",
            trigger: `${STATUS}[data-value="done"]`,
        },
        {
            content: "Hand the tablet to the customer",
            trigger: `${BUTTONS} button[name=action_customer_sign]`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The voucher waits for the customer's signature",
            trigger: "#service_signature a.o_cs_service_sign",
            run: "click",
        },
        {
            content: "The customer's name is filled in",
            trigger:
                "#modal_service_sign .o_web_sign_name_and_signature input:value(Tour Service Customer)",
        },
        {
            content: "Choose a style for the signature",
            trigger: "#modal_service_sign .o_web_sign_auto_select_style button",
            run: "click",
        },
        {
            content: "The fourth style",
            trigger: ".o-dropdown-item:eq(3)",
            run: "click",
        },
        {
            content: "The signature is drawn",
            trigger: "#modal_service_sign .o_portal_sign_submit:enabled",
        },
        ...screenshot(
            "service_portal_signature",
            "#modal_service_sign .o_portal_sign_submit:enabled"
        ),
        {
            content: "The customer signs",
            trigger: "#modal_service_sign .o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The voucher is signed",
            trigger: ".o_cs_service_signed",
        },
    ],
});

registry.category("web_tour.tours").add("cs_service_opinion_card_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_callback.menu_cs_callbacks",
            "cs_callback.cs_callback_menu"
        ),
        {
            content: "Open the opinion card of the repair",
            trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}) .o_data_cell[name=partner_id]`,
            run: "click",
        },
        {
            content: "The customer answered",
            trigger: `${FORM} .o_field_widget[name=outcome] select`,
            run: 'select "reached"',
        },
        {
            content: "They are satisfied",
            trigger: `${FORM} .o_field_widget[name=satisfaction] input[data-value=satisfied]`,
            run: "click",
        },
        {
            content: "Attitude",
            trigger: `${FORM} .o_field_widget[name=service_rating_attitude] input`,
            run: "edit 5",
        },
        {
            content: "Skill",
            trigger: `${FORM} .o_field_widget[name=service_rating_skill] input`,
            run: "edit 4",
        },
        {
            content: "Arrival on time",
            trigger: `${FORM} .o_field_widget[name=service_rating_punctuality] input`,
            run: "edit 5",
        },
        {
            content: "Keeping promises",
            trigger: `${FORM} .o_field_widget[name=service_rating_promise] input`,
            run: "edit 3",
        },
        {
            content: "Record the card",
            trigger: `${BUTTONS} button[name=action_done]`,
            run: "click",
        },
        {
            content: "The card is done",
            trigger: `${STATUS}[data-value="done"]`,
        },
    ],
});

registry.category("web_tour.tours").add("cs_service_scorecard_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu("cs_kpi.menu_cs_kpi", "cs_kpi.cs_kpi_period_menu"),
        {
            content: "Open the month",
            trigger:
                ".o_list_view .o_data_row:contains(Service tour month) .o_data_cell[name=name]",
            run: "click",
        },
        {
            content: "Compute the scorecards",
            trigger: `${BUTTONS} button[name=action_compute]`,
            run: "click",
        },
        {
            content: "The month is computed",
            trigger: `${STATUS}[data-value="computed"]`,
        },
        {
            content: "Open the scorecards",
            trigger: `${FORM} button[name=action_view_scorecards]`,
            run: "click",
        },
        {
            content: "Unfold the after-sales department",
            trigger: ".o_list_view .o_group_header:contains(Tour After-sales)",
            run: "click",
        },
        {
            content: "Open the technician's scorecard",
            trigger:
                ".o_list_view .o_data_row:contains(Tour Technician) .o_data_cell[name=total_score]",
            run: "click",
        },
        {
            content: "The scorecard holds the technician's indicators",
            trigger: `${FORM} .o_field_widget[name=line_ids] .o_data_row`,
        },
    ],
});
