from django.dispatch import Signal

# Sent once when a learner completes a course (all lessons done, every quiz passed).
# Arguments: enrollment. trainers/ listens to issue the course certificate.
course_completed = Signal()
