# Layout of processes/oh-handover.bpmn for docs/tools/tidy-diagram.py (see its header).
# Move or add shapes here, run: python3 docs/tools/tidy-diagram.py processes/oh-handover.bpmn docs/tools/layouts/oh-handover.py
size = {'Task_DraftRehabilitationLetter': (140, 80),
 'Task_ExtendedHealthCheck': (110, 80),
 'Task_NotifyCoordinators': (150, 80),
 'Task_SendGuidance': (110, 80),
 'Task_SendRehabilitationNotice': (140, 80),
 'Task_TakeOver': (130, 80)}
place = {'EndEvent_HandedOver': (3280, 450),
 'EndEvent_TakeOverEscalationHandled': (2950, 580),
 'Gateway_FollowOnPath': (3000, 450),
 'StartEvent_HandoverRequested': (390, 190),
 'Task_DraftRehabilitationLetter': (1350, 300),
 'Task_EscalateTakeOver': (2840, 580),
 'Task_NotifyCoordinators': (2505, 450),
 'Task_NotifyTeamLead': (2690, 580),
 'Task_RecordTakeOver': (2840, 450),
 'Task_ReferRehabilitation': (1690, 300),
 'Task_SendRehabilitationNotice': (1530, 300),
 'Task_StartReferral': (3140, 560),
 'Task_TakeOver': (2690, 450)}
boundary = {'Timer_TakeOverDue': ('bottom', 65)}
via = {'Flow_BackToWaiting': [(2050, 140), (1740, 140), (1740, 25), (1790, 25)],
 'Flow_FromRequest': [(530, 190)],
 'Flow_ReferralStarted': [(3280, 560)]}
label = {'EndEvent_HandedOver': 'above',
 'Gateway_FollowOnPath': 'belowleft',
 'Gateway_HandoverConsent': 'above',
 'Gateway_InTargetGroup': 'above',
 'Gateway_RehabilitationNeed': 'above',
 'Gateway_WaitForJobLoss': (1718, 107)}
lanes = [('Lane_OccupationalHealth', 370), ('Lane_EmploymentServices', 260)]
