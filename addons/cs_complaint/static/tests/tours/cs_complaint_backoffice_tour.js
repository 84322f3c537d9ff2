/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {
    openCustomerServiceMenu,
    screenshot,
    waitForTest,
} from "@cs_member/../tests/tours/cs_tour_utils";

/**
 * An agent takes a call: registers a new complaint, finds the caller by the
 * number they call from (Find by Phone), describes the complaint, saves it
 * and prints the registration form (顾客投诉登记表). The caller, the category
 * and the number are created by cs_complaint/tests/test_ui_tours.py.
 */
registry.category("web_tour.tours").add("cs_complaint_agent_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_complaint.menu_cs_complaints",
            "cs_complaint.cs_complaint_menu"
        ),
        {
            content: "Register a new complaint",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Type the number the customer calls from",
            trigger: ".o_form_view .o_field_widget[name=lookup_phone] input",
            run: "edit 186-5550-4321",
        },
        {
            content: "Type the subject (leaving the number finds the caller)",
            trigger: ".o_form_view .o_field_widget[name=subject] input",
            run: "edit Agent tour: noisy fridge",
        },
        {
            content: "The caller is found by their number",
            trigger:
                ".o_form_view .o_field_widget[name=partner_id] input:value(Tour Caller)",
        },
        {
            content: "Choose the category",
            trigger: ".o_form_view .o_field_widget[name=category_id] input",
            run: "edit Agent tour category",
        },
        {
            content: "Pick it in the list",
            trigger: ".o-autocomplete--dropdown-menu a:contains(Agent tour category)",
            run: "click",
        },
        {
            content: "Describe the complaint",
            trigger:
                ".o_form_view .o_field_widget[name=description] .odoo-editor-editable",
            run: "editor The fridge hums loudly every night. 冰箱每晚噪音很大。",
        },
        {
            content: "Write what the customer asks for",
            trigger: ".o_form_view .o_field_widget[name=customer_request] textarea",
            run: "edit A silent replacement",
        },
        {
            content: "Save the complaint",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The complaint has its number",
            trigger: ".o_form_view .o_field_widget[name=name] span:contains(TS)",
        },
        ...screenshot(
            "complaint_form",
            ".o_form_view .o_form_saved .o_field_widget[name=partner_id] input:value(Tour Caller)"
        ),
        {
            content: "Open the form's actions",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Open the Print menu",
            trigger: ".o-dropdown--menu button:has(.fa-print)",
            run: "click",
        },
        {
            content: "Print the registration form (the first report of complaints)",
            trigger: ".o-dropdown--menu-submenu .o_menu_item:first",
            run: "click",
        },
        ...waitForTest("registration_form_printed"),
        {
            content: "The complaint is still shown",
            trigger: ".o_form_view .o_field_widget[name=name] span:contains(TS)",
        },
    ],
});
