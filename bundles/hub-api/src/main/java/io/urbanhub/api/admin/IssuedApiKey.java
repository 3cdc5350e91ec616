package io.urbanhub.api.admin;

/**
 * A newly issued key: the secret is shown to its owner this once and cannot be read again.
 *
 * @param key    the grant, as listings show it
 * @param secret what a caller sends in the {@code X-API-Key} header
 */
public record IssuedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + key + "]";
    }
}
