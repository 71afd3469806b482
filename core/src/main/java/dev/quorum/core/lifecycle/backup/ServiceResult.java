package dev.quorum.core.lifecycle.backup;

/** {@code systemctl show -p Result,ExecMainStatus}: how the service's last run ended. */
record ServiceResult(String result, int exitStatus) {
    static ServiceResult parse(String show) {
        String result = "";
        int status = -1;
        for (String line : show.split("\n")) {
            String[] pair = line.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("Result")) {
                result = pair[1];
            } else if (pair.length == 2 && pair[0].equals("ExecMainStatus")) {
                try {
                    status = Integer.parseInt(pair[1]);
                } catch (NumberFormatException e) {
                    status = -1;
                }
            }
        }
        return new ServiceResult(result, status);
    }

    boolean succeeded() {
        return result.equals("success") && exitStatus == 0;
    }

    @Override
    public String toString() {
        return "result " + (result.isEmpty() ? "unknown" : result) + ", exit status " + exitStatus;
    }
}
