package io.urbanhub.api.admin;

import java.util.regex.Pattern;

import io.urbanhub.api.model.Tenants;

/**
 * A municipality (or region) the hub serves.
 *
 * @param id      the short name data and APIs are separated by, e.g. {@code musterstadt}
 * @param name    its official name, e.g. {@code Stadt Musterstadt}
 * @param ags     the Amtlicher Gemeindeschlüssel (8 digits) or Regionalschlüssel (12 digits); empty when not given
 * @param contact who answers for its data, e.g. an e-mail address; empty when not given
 */
public record Tenant(String id, String name, String ags, String contact) {

    private static final Pattern AGS = Pattern.compile("\\d{8}|\\d{12}");

    public Tenant {
        Tenants.require(id);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Tenant " + id + " needs a name");
        }
        ags = ags == null ? "" : ags.trim();
        if (!ags.isEmpty() && !AGS.matcher(ags).matches()) {
            throw new IllegalArgumentException("An AGS is 8 digits (Regionalschlüssel: 12), not '" + ags + "'");
        }
        contact = contact == null ? "" : contact.trim();
    }
}
