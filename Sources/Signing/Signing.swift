// SSHSIG signatures over commits, OpenSSH key files and digests, on libcrypto.
