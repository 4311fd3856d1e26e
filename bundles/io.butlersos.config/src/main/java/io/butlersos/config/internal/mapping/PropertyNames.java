package io.butlersos.config.internal.mapping;

/**
 * The Config Admin property name of an OCD attribute method, by the Declarative Services rules: {@code _}
 * becomes {@code .}, {@code __} becomes {@code _}, {@code $_$} becomes {@code -}, a lone {@code $} is
 * dropped and {@code $$} becomes {@code $}. So {@code server_name()} is {@code server.name} and
 * {@code _token()} is {@code .token} (a private property: never a service property).
 */
public final class PropertyNames {

    private PropertyNames() {
    }

    public static String of(String method) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c == '$') {
                if (method.startsWith("$_$", i)) {
                    name.append('-');
                    i += 2;
                } else if (method.startsWith("$$", i)) {
                    name.append('$');
                    i++;
                }
            } else if (c == '_') {
                if (method.startsWith("__", i)) {
                    name.append('_');
                    i++;
                } else {
                    name.append('.');
                }
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
