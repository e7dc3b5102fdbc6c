{
    "name": "Network Methodology: Pairing of Schools",
    "summary": "Results of assessment procedures by school, pairs of schools with high and low "
    "results, their joint events and the methodists' targeted help, the change of the weak "
    "school's result",
    "version": "18.0.1.0.0",
    "category": "Education",
    "author": "Network Methodology Team",
    "website": "https://github.com/network-methodology/network-methodology",
    "license": "LGPL-3",
    # network_community holds the school subjects (network.subject) the assessments are in.
    "depends": ["network_community", "base_import"],
    "data": [
        "security/ir.model.access.csv",
        "security/network_school_pairing_rules.xml",
        "security/network_school_pairing_portal_rules.xml",
        "views/network_assessment_views.xml",
        "views/network_assessment_result_views.xml",
        "views/network_school_pair_views.xml",
        "views/network_help_record_views.xml",
        "report/network_school_pair_report_views.xml",
        "views/network_school_pairing_menus.xml",
        "views/network_school_pair_portal_templates.xml",
    ],
    "demo": ["demo/network_school_pairing_demo.xml"],
    "installable": True,
}
