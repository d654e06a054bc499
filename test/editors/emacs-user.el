;; Loaded after the README's eglot block: a user opening fly.toml reads the findings, asks eldoc
;; for the hover on kill_timeout (M-x eldoc, M-x eldoc-doc-buffer), and presses the code-action
;; key on the deprecated cmd, choosing the fix by its title (read from standard input in batch
;; mode); then saves. Results go to standard output.
(defun user-log (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun user-wait (done seconds)
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall done))) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (when (bound-and-true-p flymake-mode) (flymake-start)))
    value))
;; What eglot's menu offers, logged as it is asked (the answer still comes from standard input).
(advice-add 'completing-read :before
            (lambda (prompt collection &rest _)
              (user-log "MENU-PROMPT %s" prompt)
              (when (listp collection) (dolist (c collection) (user-log "MENU %s" (if (consp c) (car c) c))))))
(let ((buf (find-file (car command-line-args-left))))
  (setq command-line-args-left nil)
  (with-current-buffer buf
    ;; eglot-ensure connects after the command that opened the file; in batch mode no command runs.
    (run-hooks 'post-command-hook)
    (user-wait #'flymake-diagnostics 15)
    (dolist (d (flymake-diagnostics))
      (user-log "DIAG %d %s" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d)))
    (goto-char (point-min)) (forward-line 1) (forward-char 2)
    (call-interactively #'eldoc)
    (let ((doc (user-wait (lambda () (let ((b (get-buffer "*eldoc*"))) (and b (> (buffer-size b) 0) (with-current-buffer b (buffer-string))))) 10)))
      (call-interactively #'eldoc-doc-buffer)
      (user-log "HOVER-SHOWN %s" (and (get-buffer-window "*eldoc*") "yes"))
      (dolist (l (split-string (or doc "") "\n")) (user-log "HOVER %s" l)))
    (goto-char (point-min)) (forward-line 3) (forward-char 7)
    (user-log "KEY %S" (key-binding (kbd "C-c a")))
    (execute-kbd-macro (kbd "C-c a"))
    (user-log "LINE4 %s" (buffer-substring (line-beginning-position) (line-end-position)))
    (save-buffer)
    (when (eglot-current-server) (eglot-shutdown (eglot-current-server)))))
